import Foundation
import Hummingbird
import WaymarkApp
import WaymarkCore
import WaymarkStore

/// The tracking queues: pick a queue and filters, see who is on it, and
/// assign the ticked people to an adviser in one go (one transaction, each
/// assignment audited).
struct QueuesController {
    let services: WebServices
    let templates: Templates
    static let shown = 200

    var endpoints: RouteCollection<WebContext> {
        RouteCollection(context: WebContext.self)
            .get("", use: show)
            .post("assign", use: assign)
    }

    struct AssignForm: Decodable {
        var person: [String]?
        var adviser: String?
        var back: String?
    }

    func show(_ request: Request, context: WebContext) async throws -> Response {
        let (user, scope) = try context.require(.workQueues)
        let query = request.uri.queryParameters
        let queue = try query.get("queue").map { text in
            guard let queue = WorkQueue(rawValue: String(text)) else { throw HTTPError(.badRequest, message: "queue: choose one of the queues listed.") }
            return queue
        } ?? .notKnown
        let days = try query.get("days").map { text in
            guard let days = Int(text), (1...365).contains(days) else { throw HTTPError(.badRequest, message: "days: enter a number of days from 1 to 365.") }
            return days
        } ?? 30
        var filter = QueueFilter()
        filter.schoolID = query.get("school").flatMap { Int64($0) }
        filter.adviserID = query.get("adviser").flatMap { Int64($0) }
        filter.ward = query.get("ward").map { String($0.trimmingCharacters(in: .whitespaces).prefix(60)) }.flatMap { $0.isEmpty ? nil : $0 }
        filter.characteristic = query.get("characteristic").flatMap { Int($0) }.flatMap(CharacteristicCode.init(rawValue:))
        let grant = AccessGrant(user: user, scope: scope)
        guard grant.mayFilter(by: filter.characteristic) else { throw Self.restrictedFilter }
        async let entries = WorkQueueBuilder(store: services.store, classifier: services.classifier)
            .build(queue, days: days, filter: filter, scope: scope, now: services.now())
        async let organisations = OrganisationQueries(store: services.store).all()
        async let advisers = UserQueries(store: services.store).advisers(organisationID: user.organisationID)
        let page = QueuesPage(
            user: user, csrf: context.csrfToken ?? "", queue: queue, days: days, filter: filter, entries: try await entries, shown: Self.shown,
            filterable: CharacteristicCode.allCases.filter { grant.mayFilter(by: $0) },
            schools: try await organisations.filter { $0.kind != .localAuthority }, advisers: try await advisers,
            assigned: query.get("assigned").flatMap { Int($0) }, back: request.uri.description)
        return try templates.render(page)
    }

    static let restrictedFilter = HTTPError(
        .forbidden, message: "characteristic: that kind of characteristic is restricted for your role, so lists cannot be narrowed by it.")

    func assign(_ request: Request, context: WebContext) async throws -> Response {
        let (user, scope) = try context.require(.workQueues)
        let form = try await request.decodeForm(as: AssignForm.self, context: context)
        let ids = (form.person ?? []).compactMap { Int64($0) }
        guard !ids.isEmpty, ids.count <= Self.shown else {
            throw HTTPError(.unprocessableContent, message: "person: tick between 1 and \(Self.shown) young people to assign.")
        }
        let advisers = try await UserQueries(store: services.store).advisers(organisationID: user.organisationID)
        guard let adviser = form.adviser.flatMap({ Int64($0) }), advisers.contains(where: { $0.id == adviser }) else {
            throw HTTPError(.unprocessableContent, message: "adviser: choose one of your organisation's personal advisers.")
        }
        let lookup = CaseloadLookup(store: services.store)
        var placements: [CaseloadPlacement] = []
        for id in Set(ids) {
            guard let placement = try await lookup.placement(of: id, in: scope) else {
                throw HTTPError(.notFound, message: "One of the young people ticked is not in the records you can see; nothing was assigned.")
            }
            placements.append(placement)
        }
        let today = CalendarDate.today(from: services.now())
        let chosen = placements
        try await services.store.change(by: .user(user.id), at: services.now()) { tx in
            for placement in chosen where placement.adviserID != adviser {
                let tier = placement.tier.flatMap(CaseloadTier.init(rawValue:)) ?? .targeted
                try await tx.assignCaseload(of: placement.personID, adviserID: adviser, tier: tier, since: today)
            }
        }
        context.logger.info("queue assignment", metadata: ["people": "\(chosen.count)", "adviser": "\(adviser)"])
        let back = form.back.flatMap { $0.hasPrefix("/queues") ? $0 : nil } ?? "/queues"
        return .redirect(to: back + (back.contains("?") ? "&" : "?") + "assigned=\(chosen.count)", type: .normal)
    }
}
