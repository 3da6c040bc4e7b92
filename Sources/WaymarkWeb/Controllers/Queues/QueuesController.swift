import Foundation
import Hummingbird
import Logging
import WaymarkApp
import WaymarkCore
import WaymarkRecords

/// The tracking queues: pick a queue and filters, see who is on it a page at
/// a time, assign the ticked people to an adviser in one go (one
/// transaction, each assignment audited), or download the whole list as CSV
/// or a workbook.
struct QueuesController {
    let services: WebServices
    let templates: Templates
    /// Rows on a page, and so the most that can be ticked and assigned at once.
    static let pageSize = 100

    var endpoints: RouteCollection<WebContext> {
        let routes = RouteCollection(context: WebContext.self)
        routes.requiring(.workQueues)
            .get("", use: show)
            .get("export", use: export)
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
        var parameters = try QueueParameters(query: request.uri.query)
        let view = try await services.app.queues.queue(
            parameters.queue, days: parameters.days, filter: parameters.filter, order: parameters.order, page: parameters.page, pageSize: Self.pageSize,
            for: context.grant, at: services.now())
        parameters.page = view.slice.page
        let page = QueuesPage(
            user: context.user, csrf: context.csrf, parameters: parameters, view: view, selectAll: query.get("select") == "page",
            assigned: query.get("assigned").flatMap { Int($0) }, problem: query.get("assign-problem").flatMap(QueueAssignProblem.init(rawValue:)))
        return try templates.render(page)
    }

    /// The whole filtered queue (every page) as CSV or a workbook, streamed:
    /// the store is read a chunk at a time as the file is written.
    func export(_ request: Request, context: StaffContext) async throws -> Response {
        let parameters = try QueueParameters(query: request.uri.query)
        let format = try Downloads.format(request) ?? .csv
        let export = try await services.app.queues.export(
            parameters.queue, days: parameters.days, filter: parameters.filter, order: parameters.order, format: format,
            for: context.grant, at: services.now())
        context.logger.info("queue export", metadata: ["queue": "\(parameters.queue.rawValue)", "format": "\(format.rawValue)", "people": "\(export.rowCount)"])
        return Downloads.response(export)
    }

    func assign(_ request: Request, context: StaffContext) async throws -> Response {
        let form = try await request.decodeForm(as: AssignForm.self, context: context)
        let ids = (form.person ?? []).compactMap { Int64($0) }
        guard !ids.isEmpty else { return .redirect(to: Paths.queue(form.back, problem: .nobody), type: .normal) }
        guard ids.count <= Self.pageSize else { return .redirect(to: Paths.queue(form.back, problem: .tooMany), type: .normal) }
        guard let adviser = form.adviser.flatMap({ Int64($0) }) else { return .redirect(to: Paths.queue(form.back, problem: .adviser), type: .normal) }
        let assigned = try await services.app.queues.assign(Set(ids), to: adviser, for: context.grant, at: services.now())
        context.logger.info("queue assignment", metadata: ["people": "\(assigned)", "adviser": "\(adviser)"])
        return .redirect(to: Paths.queue(form.back, assigned: assigned), type: .normal)
    }
}
