import Foundation
import Hummingbird
import Logging
import WaymarkApp
import WaymarkCore
import WaymarkRecords

/// The tracking queues: pick a queue and filters, see who is on it, and
/// assign the ticked people to an adviser in one go (one transaction, each
/// assignment audited).
struct QueuesController {
    let services: WebServices
    let templates: Templates
    static let shown = 200

    var endpoints: RouteCollection<WebContext> {
        let routes = RouteCollection(context: WebContext.self)
        routes.requiring(.workQueues)
            .get("", use: show)
            .post("assign", use: assign)
        return routes
    }

    struct AssignForm: Decodable {
        var person: [String]?
        var adviser: String?
        var back: String?
    }

    func show(_ request: Request, context: StaffContext) async throws -> Response {
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
        let view = try await services.app.queues.queue(queue, days: days, filter: filter, showing: Self.shown, for: context.grant, at: services.now())
        let page = QueuesPage(
            user: context.user, csrf: context.csrf, queue: queue, days: days, filter: filter, slice: view.slice, shown: view.shown,
            filterable: view.filterable, schools: view.schools, advisers: view.advisers,
            assigned: query.get("assigned").flatMap { Int($0) }, problem: query.get("assign-problem").flatMap(QueueAssignProblem.init(rawValue:)),
            back: request.uri.description)
        return try templates.render(page)
    }

    func assign(_ request: Request, context: StaffContext) async throws -> Response {
        let form = try await request.decodeForm(as: AssignForm.self, context: context)
        let ids = (form.person ?? []).compactMap { Int64($0) }
        guard !ids.isEmpty else { return .redirect(to: Paths.queue(form.back, problem: .nobody), type: .normal) }
        guard ids.count <= Self.shown else { return .redirect(to: Paths.queue(form.back, problem: .tooMany), type: .normal) }
        guard let adviser = form.adviser.flatMap({ Int64($0) }) else { return .redirect(to: Paths.queue(form.back, problem: .adviser), type: .normal) }
        let assigned = try await services.app.queues.assign(Set(ids), to: adviser, for: context.grant, at: services.now())
        context.logger.info("queue assignment", metadata: ["people": "\(assigned)", "adviser": "\(adviser)"])
        return .redirect(to: Paths.queue(form.back, assigned: assigned), type: .normal)
    }
}
