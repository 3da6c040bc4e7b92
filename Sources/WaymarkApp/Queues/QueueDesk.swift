public import Foundation
public import WaymarkCore
public import WaymarkRecords
import WaymarkStore

/// A tracking queue as one user may see it, with what its filters offer.
public struct QueueView: Sendable {
    /// The first `shown` on the queue, with how many there are in all.
    public let slice: QueueSlice
    public let shown: Int
    public let schools: [StoredOrganisation]
    public let advisers: [StoredUser]
    /// The characteristics this user may narrow a list by.
    public let filterable: [CharacteristicCode]
}

/// The tracking queues: who is on one (audited with the queue, its filters
/// and the people shown) and assigning the ticked people to an adviser.
public struct QueueDesk: Sendable {
    let store: Store
    let classifier: ParticipationClassifier

    init(store: Store, classifier: ParticipationClassifier) {
        self.store = store
        self.classifier = classifier
    }

    /// A filter on a withheld class would tell its members by who is listed.
    public static let restrictedFilter = Refusal.forbidden(
        "characteristic: that kind of characteristic is restricted for your role, so lists cannot be narrowed by it.")

    public func queue(
        _ queue: WorkQueue, days: Int, filter: QueueFilter, showing shown: Int, for grant: AccessGrant, at now: Date
    ) async throws -> QueueView {
        try grant.require(.workQueues)
        guard grant.mayFilter(by: filter.characteristic) else { throw Self.restrictedFilter }
        async let slice = WorkQueueBuilder(store: store, classifier: classifier)
            .page(queue, days: days, filter: filter, scope: grant.scope, now: now, limit: shown)
        async let organisations = OrganisationQueries(store: store).all()
        async let advisers = UserQueries(store: store).advisers(organisationID: grant.user.organisationID)
        let view = QueueView(
            slice: try await slice, shown: shown, schools: try await organisations.filter { $0.kind != .localAuthority },
            advisers: try await advisers, filterable: CharacteristicCode.allCases.filter { grant.mayFilter(by: $0) })
        let detail = ViewAudit.parts([
            ("queue", queue.rawValue), ("days", String(days)), ("school", filter.schoolID.map(String.init)),
            ("adviser", filter.adviserID.map(String.init)), ("ward", filter.ward), ("characteristic", filter.characteristic.map { String($0.rawValue) }),
            ("total", String(view.slice.total)),
        ])
        try await ViewAudit.record(store, grant, at: now, entity: "queue", detail: "\(detail); \(ViewAudit.shown(view.slice.entries.map(\.member.id)))")
        return view
    }

    /// Assigns everyone ticked (all in scope, or nothing) in one transaction; returns how many were considered.
    public func assign(_ people: Set<Int64>, to adviserID: Int64, for grant: AccessGrant, at now: Date) async throws -> Int {
        try grant.require(.workQueues)
        let advisers = try await UserQueries(store: store).advisers(organisationID: grant.user.organisationID)
        guard advisers.contains(where: { $0.id == adviserID }) else {
            throw Refusal.invalid("adviser: choose one of your organisation's personal advisers.")
        }
        let lookup = CaseloadLookup(store: store)
        var placements: [CaseloadPlacement] = []
        for id in people {
            guard let placement = try await lookup.placement(of: id, in: grant.scope) else {
                throw Refusal.notFound("One of the young people ticked is not in the records you can see; nothing was assigned.")
            }
            placements.append(placement)
        }
        let today = CalendarDate.today(from: now)
        let chosen = placements
        try await store.change(by: grant.actor, at: now) { tx in
            for placement in chosen where placement.adviserID != adviserID {
                let tier = placement.tier.flatMap(CaseloadTier.init(rawValue:)) ?? .targeted
                try await tx.assignCaseload(of: placement.personID, adviserID: adviserID, tier: tier, since: today)
            }
        }
        return chosen.count
    }
}
