import Foundation
import Hummingbird
import WaymarkApp
import WaymarkCore
import WaymarkRecords

/// The young person's record: one page a personal adviser can read before a
/// meeting. Opening, withholding and auditing are the record desk's; this
/// only turns its answer into a page.
struct PersonController {
    let services: WebServices
    let templates: Templates

    var endpoints: RouteCollection<WebContext> {
        let routes = RouteCollection(context: WebContext.self)
        routes.requiring(.readRecords).get("people/:id", use: show)
        return routes
    }

    func show(_ request: Request, context: StaffContext) async throws -> Response {
        guard let id = context.parameters.get("id", as: Int64.self) else { throw Self.notFound }
        return try await Self.page(id, context, services: services, templates: templates, saved: request.uri.queryParameters.get("saved").map { String($0) })
    }

    static let notFound = HTTPError(.notFound, message: "There is no young person with that id in the records you can see.")

    /// The record page; with problems (a form on it came back), its error summary and 422.
    static func page(
        _ id: Int64, _ context: StaffContext, services: WebServices, templates: Templates, saved: String? = nil, problems: FormProblems = FormProblems()
    ) async throws -> Response {
        switch try await services.records.open(id, for: context.grant) {
        case .notFound: throw notFound
        case .mergedInto(let kept): return .redirect(to: Paths.person(kept), type: .normal)
        case .shown(let record):
            let page = PersonPage(
                user: context.user, csrf: context.csrf, record: record, today: CalendarDate.today(from: services.now()),
                classifier: services.classifier, registry: services.registry, saved: saved, now: services.now(), problems: problems)
            return try templates.render(page, status: problems.isEmpty ? .ok : .unprocessableContent)
        }
    }
}
