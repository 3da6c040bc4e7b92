public import Foundation
public import WaymarkCore
import WaymarkRecords
public import WaymarkStore

/// Break the glass: a worker whose role may, on a record they can open, gives
/// a reason and sees the classes their role withholds on that one record for
/// a few hours. The access, the adviser's notice and the audit event are
/// stored together (docs/POLICIES.md, "Break the glass").
public struct BreakGlassDesk: Sendable {
    let store: Store
    public let policy: BreakGlassPolicy

    public init(store: Store, policy: BreakGlassPolicy = .standard) {
        self.store = store
        self.policy = policy
    }

    /// What breaking the glass on `person` would open, for how long and who
    /// would be told, for the form that asks for the reason. The form names
    /// the young person and their adviser, so showing it is audited.
    public func offer(for grant: AccessGrant, person: Int64, at now: Date) async throws -> BreakGlassOffer {
        let subject = try await permittedSubject(grant, person)
        let window = try await opening(for: grant, person: person, at: now)
        try await ViewAudit.record(store, grant, at: now, entity: "young_person", entityID: person, personID: person, detail: "break-glass form")
        return BreakGlassOffer(
            personID: subject.personID, personName: subject.name, classes: Self.withheld(from: grant).sorted(), hours: policy.hours,
            adviserToTell: Self.adviserToTell(subject, grant)?.name, openUntil: window.until)
    }

    /// Opens the withheld classes of `person` for the policy's hours. Throws
    /// ``Refusal`` (not found, a role that may not, nothing withheld), or
    /// ``BreakGlassReasonProblem`` for a missing or thin reason.
    public func breakGlass(for grant: AccessGrant, person: Int64, reason typed: String?, at now: Date) async throws -> BreakGlassOpened {
        let subject = try await permittedSubject(grant, person)
        let classes = Self.withheld(from: grant)
        guard !classes.isEmpty else { throw Self.nothingWithheld }
        let reason = try BreakGlassReason(typed)
        let adviser = Self.adviserToTell(subject, grant)
        let access = NewBreakGlassAccess(
            personID: person, userID: grant.user.id, reason: reason.text, classes: classes, grantedAt: now,
            expiresAt: policy.expiry(from: now), tellUserID: adviser?.id)
        let id = try await store.change(by: grant.actor, at: now) { tx in try await tx.recordBreakGlass(access) }
        return BreakGlassOpened(id: id, personID: person, classes: classes.sorted(), until: access.expiresAt, adviserTold: adviser?.name)
    }

    /// An access this user was just granted on `person`, for the confirmation
    /// page; nil when the id is not theirs on that record.
    public func opened(_ accessID: Int64, for grant: AccessGrant, person: Int64) async throws -> BreakGlassOpened? {
        guard let stored = try await BreakGlassQueries(store: store).access(accessID, userID: grant.user.id, personID: person) else { return nil }
        return BreakGlassOpened(id: stored.id, personID: stored.personID, classes: stored.classes.sorted(), until: stored.expiresAt, adviserTold: stored.toldUserName)
    }

    /// The classes break-the-glass has opened for this grant's user on
    /// `person` at `now`, for the record use case to add to what it shows.
    /// Expired accesses open nothing; nor does any access once the user's
    /// role may no longer break the glass.
    public func openedClasses(for grant: AccessGrant, person: Int64, at now: Date) async throws -> Set<SensitivityClass> {
        try await opening(for: grant, person: person, at: now).classes
    }

    /// The classes open now and when the last of them closes.
    public func opening(for grant: AccessGrant, person: Int64, at now: Date) async throws -> BreakGlassWindow {
        guard DisclosurePolicy.mayBreakGlass(grant.role) else { return BreakGlassWindow(classes: [], until: nil) }
        let opening = try await BreakGlassQueries(store: store).opening(userID: grant.user.id, personID: person, at: now)
        return BreakGlassWindow(classes: opening.classes, until: opening.until)
    }

    /// Everything the grant's role and purpose do not show.
    static func withheld(from grant: AccessGrant) -> Set<SensitivityClass> {
        Set(SensitivityClass.allCases).subtracting(grant.visibleClasses)
    }

    /// The young person's adviser, unless there is none, their account is
    /// disabled (they could not read the notice) or they broke the glass themselves.
    static func adviserToTell(_ subject: BreakGlassSubject, _ grant: AccessGrant) -> BreakGlassSubject.Adviser? {
        guard let adviser = subject.adviser, !adviser.disabled, adviser.id != grant.user.id else { return nil }
        return adviser
    }

    private func permittedSubject(_ grant: AccessGrant, _ person: Int64) async throws -> BreakGlassSubject {
        guard grant.allows(.readRecords), DisclosurePolicy.mayBreakGlass(grant.role) else {
            throw Refusal.forbidden("Your role (\(grant.role.displayName)) cannot break the glass. Ask a colleague in the local authority's team.")
        }
        guard let subject = try await BreakGlassQueries(store: store).subject(person, in: grant.scope) else { throw Self.noSuchRecord }
        return subject
    }
}

/// What the break-the-glass form explains before asking for a reason.
public struct BreakGlassOffer: Sendable, Equatable {
    public let personID: Int64
    public let personName: String
    /// The classes that would open: everything the role withholds.
    public let classes: [SensitivityClass]
    public let hours: Int
    /// Who will be told (the young person's adviser), nil when nobody can be.
    public let adviserToTell: String?
    /// When an access this user already has on the record ends.
    public let openUntil: Date?
}

/// An access just granted.
public struct BreakGlassOpened: Sendable, Equatable {
    public let id: Int64
    public let personID: Int64
    public let classes: [SensitivityClass]
    public let until: Date
    /// The adviser a notice was stored for; nil when nobody was told.
    public let adviserTold: String?
}

/// The classes open to a user on one record now, and until when.
public struct BreakGlassWindow: Sendable, Equatable {
    public let classes: Set<SensitivityClass>
    public let until: Date?
}

extension BreakGlassDesk {
    static let noSuchRecord = Refusal.notFound("There is no young person with that id in the records you can see.")
    /// The role already sees every class.
    static let nothingWithheld = Refusal.conflict("Your role already shows everything on this record; there is nothing to open.")
}
