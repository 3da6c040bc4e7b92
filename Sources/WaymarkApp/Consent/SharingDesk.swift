public import Foundation
public import WaymarkCore
public import WaymarkRecords
public import WaymarkStore

/// A class of information a share refused, with the reason in words for
/// whoever would have received it.
public struct RefusedShare: Sendable, Equatable {
    public let dataClass: SensitivityClass
    public let reason: String

    public init(dataClass: SensitivityClass, reason: String) {
        self.dataClass = dataClass
        self.reason = reason
    }
}

/// The one door every share goes through: it reads the flow from the
/// register, the young person's standing provisions and the overrides in
/// force, and asks ``SharingRules`` about each class. A share with no flow
/// has no basis; a deny stops it; an override needs `overrideSharing`, a
/// reason, and ends by itself (docs/POLICIES.md, "Sharing with consent").
public struct SharingDesk: Sendable {
    let store: Store
    public let policy: ShareOverridePolicy

    public init(store: Store, policy: ShareOverridePolicy = .standard) {
        self.store = store
        self.policy = policy
    }

    /// The decision for each of `classes` of `person` going to `recipient` along `flowKey`.
    public func decide(
        person: Int64, flowKey: String, recipient: StoredOrganisation?, classes: [SensitivityClass], at now: Date
    ) async throws -> [SensitivityClass: ShareDecision] {
        let queries = ConsentQueries(store: store)
        async let flow = queries.flow(flowKey)
        async let provisions = queries.standing(of: person)
        async let overrides = queries.overrides(of: person, at: now)
        let (found, standing, inForce) = try await (flow, provisions, overrides)
        let today = CalendarDate.today(from: now)
        var decisions: [SensitivityClass: ShareDecision] = [:]
        for dataClass in classes {
            let share = ProposedShare(purpose: found?.purpose ?? .schoolSupport, recipientID: recipient?.id, recipientKind: recipient?.kind, dataClass: dataClass)
            decisions[dataClass] = SharingRules.decide(share, flow: found, provisions: standing, overrides: inForce, on: today, at: now)
        }
        return decisions
    }

    /// What a school, college or provider user may see of `person` through
    /// the portal flow: `visible` less the classes a share refuses. Identity
    /// is never withheld from someone who may open the record at all.
    func portalView(of person: Int64, for grant: AccessGrant, visible: Set<SensitivityClass>, at now: Date) async throws -> (Set<SensitivityClass>, [RefusedShare]) {
        guard case .establishment = grant.scope else { return (visible, []) }
        let organisation = try await OrganisationQueries(store: store).organisation(id: grant.user.organisationID)
        let asked = visible.subtracting([.identity]).sorted()
        let decisions = try await decide(person: person, flowKey: DataFlowDefaults.Key.schoolPortal, recipient: organisation, classes: asked, at: now)
        var refused: [RefusedShare] = []
        var shown = visible
        for dataClass in asked {
            if case .refused(let why) = decisions[dataClass] {
                shown.remove(dataClass)
                refused.append(RefusedShare(dataClass: dataClass, reason: why.description))
            }
        }
        return (shown, refused)
    }

    /// Sets aside refusals of `classes` of `person` along `flowKey` (to one
    /// recipient, or any) for the policy's hours. Only refusals that rest on
    /// consent can be set aside: a class the flow does not carry stays refused.
    public func override(
        for grant: AccessGrant, person: Int64, flowKey: String?, recipientID: Int64?, classes: Set<SensitivityClass>, reason typed: String?, at now: Date
    ) async throws -> ShareOverride {
        try grant.require(.overrideSharing)
        guard try await CaseloadLookup(store: store).placement(of: person, in: grant.scope) != nil else { throw ConsentDesk.noSuchRecord }
        guard let flowKey, let flow = try await ConsentQueries(store: store).flow(flowKey) else {
            throw Refusal.invalid("Choose the data flow the share goes along: without one it has no legal basis to set a refusal aside for.")
        }
        guard !classes.isEmpty else { throw Refusal.invalid("Choose at least one kind of information to share.") }
        let uncarried = classes.subtracting(flow.carries)
        guard uncarried.isEmpty else {
            throw Refusal.invalid("The \(flow.name) flow does not carry \(uncarried.sorted().map(\.label).joined(separator: ", ")): an override cannot give it a legal basis.")
        }
        let reason: BreakGlassReason
        do throws(BreakGlassReasonProblem) { reason = try BreakGlassReason(typed) } catch {
            switch error {
            case .missing: throw Refusal.invalid("Enter why this must be shared although the young person's choices refuse it")
            case .tooShort: throw Refusal.invalid("Give the reason in at least a sentence: what has happened and why it must be shared now")
            case .tooLong: throw Refusal.invalid(error.description)
            }
        }
        let override = NewShareOverride(
            personID: person, userID: grant.user.id, flowKey: flow.key, recipientID: recipientID, classes: classes, reason: reason.text,
            grantedAt: now, expiresAt: policy.expiry(from: now))
        let id = try await store.change(by: grant.actor, at: now) { tx in try await tx.recordShareOverride(override) }
        return ShareOverride(id: id, flowKey: flow.key, recipientID: recipientID, classes: classes, grantedAt: now, expiresAt: override.expiresAt)
    }
}
