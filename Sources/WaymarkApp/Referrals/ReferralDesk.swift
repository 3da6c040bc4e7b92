public import Foundation
public import WaymarkCore
public import WaymarkRecords
public import WaymarkStore

/// Referrals between services, through the one gate. A worker of the LA who
/// may make referrals refers a young person in their scope (an adviser, one
/// on their caseload) to a partner service; the workers of that service act
/// on it. Which side someone is on comes from their organisation and
/// permission; what that side may do, from ``ReferralLifecycle``. Every step
/// is one transaction with its audit event, the known-to register, the
/// referrer's notice and the e-mail queued to them (never sent here).
public struct ReferralDesk: Sendable {
    let store: Store
    let registry: LocalAuthorityRegistry
    public let timers: ReferralTimers

    public init(store: Store, registry: LocalAuthorityRegistry, timers: ReferralTimers = .standard) {
        self.store = store
        self.registry = registry
        self.timers = timers
    }

    /// Writes a draft referral of `person` to `organisationID`. The purpose,
    /// when not given, is the one the receiving service usually serves.
    public func draft(
        for grant: AccessGrant, person: Int64, to organisationID: Int64?, purpose: ReferralPurpose?, summary typed: String?, at now: Date
    ) async throws -> Int64 {
        try grant.require(.makeReferrals)
        try await requireMayRefer(grant, person)
        guard let organisationID, let receiver = try await OrganisationQueries(store: store).organisation(id: organisationID), receiver.kind.isPartner
        else { throw Refusal.invalid("Choose the service to refer to: one of the partner services listed.") }
        let summary = try Self.words(typed, field: "reason for the referral")
        let today = CalendarDate.today(from: now)
        let referral = NewReferral(
            personID: person, fromOrganisationID: grant.user.organisationID, fromUserID: grant.user.id, toOrganisationID: receiver.id,
            purpose: purpose ?? receiver.kind.usualReferralPurpose, summary: summary.text, reminderDue: timers.reminderDue(in: .draft, since: today))
        return try await store.change(by: grant.actor, at: now) { tx in try await tx.createReferral(referral) }
    }

    /// Takes `action` on a referral for whoever `grant` is. Throws
    /// ``Refusal``: not found when the grant is on neither side (a referral
    /// is not told apart from one that does not exist), forbidden when the
    /// side may never do it, conflict when the state does not allow it now
    /// (or someone else moved it first), invalid for a missing reason.
    @discardableResult
    public func act(_ action: ReferralAction, on referralID: Int64, for grant: AccessGrant, at now: Date) async throws -> StoredReferral {
        let (referral, side) = try await sided(referralID, grant)
        let next: ReferralState
        switch ReferralLifecycle.apply(action, to: referral.state, by: side) {
        case .success(let state): next = state
        case .failure(let refusal): throw Self.refusal(refusal)
        }
        let today = CalendarDate.today(from: now)
        let shares = action.kind == .send ? try await ReferralPackage(store: store).decide(referral, at: now) : []
        if action.kind == .send, let missing = ReferralPackage.blocking(shares) { throw missing }
        let move = Self.move(referral, action, to: next, reminderDue: timers.reminderDue(in: next, since: today), by: grant)
        let referrer = try await UserQueries(store: store).user(id: referral.fromUserID)
        let moved = try await store.change(by: grant.actor, at: now) { tx in
            guard try await tx.moveReferral(move) else { return false }
            if !shares.isEmpty { try await tx.recordReferralShares(shares, referralID: referral.id, personID: referral.personID) }
            try await KnownToRegister.follow(move, referral: referral, by: grant, on: today, in: tx)
            if let referrer, referrer.id != grant.user.id, !referrer.disabled {
                try await ReferralNews.tell(referrer, about: referral, now: next, in: tx)
            }
            return true
        }
        guard moved else { throw Refusal.conflict("Someone else changed this referral a moment ago. Open it again to see where it stands.") }
        guard let after = try await ReferralQueries(store: store).referral(referral.id) else { throw Self.noSuchReferral }
        return after
    }

    /// The referral and which side `grant` is on; not found when neither.
    func sided(_ referralID: Int64, _ grant: AccessGrant) async throws -> (StoredReferral, ReferralSide) {
        guard grant.allows(.makeReferrals) || grant.allows(.workReferrals) else {
            throw AccessDenied(permission: .makeReferrals, role: grant.role)
        }
        guard let referral = try await ReferralQueries(store: store).referral(referralID) else { throw Self.noSuchReferral }
        let side = try await side(of: grant, on: referral)
        guard side != .neither else { throw Self.noSuchReferral }
        return (referral, side)
    }

    /// The sender: the referring organisation's workers who may refer and
    /// still see the young person. The receiver: the receiving service's
    /// workers, once the referral has left its draft.
    func side(of grant: AccessGrant, on referral: StoredReferral) async throws -> ReferralSide {
        if grant.allows(.makeReferrals), grant.user.organisationID == referral.fromOrganisationID,
            try await CaseloadLookup(store: store).placement(of: referral.personID, in: grant.scope) != nil
        {
            return .sender
        }
        if grant.allows(.workReferrals), grant.user.organisationID == referral.toOrganisationID, referral.state != .draft { return .receiver }
        return .neither
    }

    /// An adviser refers the young people on their caseload; tracking officers and data managers anyone in scope.
    func requireMayRefer(_ grant: AccessGrant, _ person: Int64) async throws {
        guard let placement = try await CaseloadLookup(store: store).placement(of: person, in: grant.scope) else { throw Self.noSuchRecord }
        guard AccessPolicy.mayChange(grant.user, personAdviserID: placement.adviserID) else {
            throw Refusal.forbidden("Only the young person's own adviser, a tracking officer or a data manager can refer them.")
        }
    }

    static func move(_ referral: StoredReferral, _ action: ReferralAction, to next: ReferralState, reminderDue: CalendarDate?, by grant: AccessGrant) -> ReferralMove {
        var move = ReferralMove(
            referralID: referral.id, personID: referral.personID, action: action.kind, from: referral.state, to: next, reminderDue: reminderDue)
        switch action {
        case .decline(let reason, let words):
            move.declineReason = reason
            move.words = words?.text
        case .recordOutcome(let outcome, let words):
            move.outcome = outcome
            move.words = words.text
        case .withdraw(let words), .handBack(let words), .reopen(let words): move.words = words.text
        case .accept: move.takenOnBy = grant.user.id
        case .send, .acknowledge, .start, .close: break
        }
        return move
    }

    static func words(_ typed: String?, field: String) throws -> ReferralReason {
        do throws(ReferralReasonProblem) { return try ReferralReason(typed, field: field) } catch { throw Refusal.invalid(error.description) }
    }

    static func refusal(_ refusal: ReferralRefusal) -> Refusal {
        switch refusal {
        case .wrongSide: .forbidden(refusal.description)
        case .wrongState: .conflict(refusal.description)
        case .declineNeedsWords: .invalid(refusal.description)
        }
    }

    static let noSuchReferral = Refusal.notFound("There is no referral with that id among those you can see.")
    static let noSuchRecord = Refusal.notFound("There is no young person with that id in the records you can see.")
}
