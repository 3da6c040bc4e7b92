public import Foundation
public import WaymarkCore
public import WaymarkRecords
import WaymarkStore

/// A tracking queue as one user may see it, with what its filters offer.
public struct QueueView: Sendable {
    /// One page of the queue, with how many there are in all.
    public let slice: QueueSlice
    public let schools: [StoredOrganisation]
    /// The wards of current addresses this user can see, each once: what the ward filter offers.
    public let wards: [String]
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
        _ queue: WorkQueue, days: Int, filter: QueueFilter, order: QueueOrder = .record, page: Int, pageSize: Int, for grant: AccessGrant, at now: Date
    ) async throws -> QueueView {
        try grant.require(.workQueues)
        guard grant.mayFilter(by: filter.characteristic) else { throw Self.restrictedFilter }
        async let slice = WorkQueueBuilder(store: store, classifier: classifier)
            .page(queue, days: days, filter: filter, order: order, scope: grant.scope, now: now, page: page, size: pageSize)
        async let organisations = OrganisationQueries(store: store).all()
        async let advisers = UserQueries(store: store).advisers(organisationID: grant.user.organisationID)
        async let wards = QueueQuery(store: store).wards(in: grant.scope)
        let view = QueueView(
            slice: try await slice, schools: try await organisations.filter { $0.kind != .localAuthority }, wards: try await wards,
            advisers: try await advisers, filterable: CharacteristicCode.allCases.filter { grant.mayFilter(by: $0) })
        let detail = Self.auditDetail(queue, days: days, filter: filter, order: order, total: view.slice.total) + "; page=\(view.slice.page)"
        try await ViewAudit.record(store, grant, at: now, entity: "queue", detail: "\(detail); \(ViewAudit.shown(view.slice.entries.map(\.member.id)))")
        return view
    }

    /// The whole queue (every page) as CSV or a workbook, in the order shown
    /// on the page. Everyone in it is audited, as a list view is, before any
    /// of it is handed over.
    public func export(
        _ queue: WorkQueue, days: Int, filter: QueueFilter, order: QueueOrder = .record, format: ExportFormat, for grant: AccessGrant, at now: Date
    ) async throws -> ExportDownload {
        try grant.require(.workQueues)
        guard grant.mayFilter(by: filter.characteristic) else { throw Self.restrictedFilter }
        let builder = WorkQueueBuilder(store: store, classifier: classifier)
        let ids = try await builder.ids(queue, days: days, filter: filter, order: order, scope: grant.scope, now: now)
        let advisers = try await UserQueries(store: store).advisers(organisationID: grant.user.organisationID)
        let detail = Self.auditDetail(queue, days: days, filter: filter, order: order, total: ids.count)
        try await ViewAudit.record(store, grant, at: now, entity: "queue", detail: "export; format=\(format.rawValue); \(detail); \(ViewAudit.shown(ids))")
        return QueueExport.download(
            queue, ids: ids, format: format, builder: builder, scope: grant.scope, now: now,
            adviserNames: Dictionary(advisers.map { ($0.id, $0.displayName) }, uniquingKeysWith: { first, _ in first }))
    }

    static func auditDetail(_ queue: WorkQueue, days: Int, filter: QueueFilter, order: QueueOrder, total: Int) -> String {
        ViewAudit.parts([
            ("queue", queue.rawValue), ("days", String(days)), ("school", filter.schoolID.map(String.init)),
            ("adviser", filter.adviserID.map(String.init)), ("ward", filter.ward), ("characteristic", filter.characteristic.map { String($0.rawValue) }),
            ("sort", order.column.map { $0.rawValue + (order.descending ? " descending" : "") }), ("total", String(total)),
        ])
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
