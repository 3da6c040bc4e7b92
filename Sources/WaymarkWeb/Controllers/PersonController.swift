import Foundation
import Hummingbird
import WaymarkApp
import WaymarkCore

/// The young person's record: one page a personal adviser can read before a
/// meeting. Opening, withholding and auditing are the record desk's; this
/// only turns its answer into a page.
struct PersonController {
    let services: WebServices
    let templates: Templates

    var endpoints: RouteCollection<WebContext> {
        RouteCollection(context: WebContext.self).get("people/:id", use: show)
    }

    func show(_ request: Request, context: WebContext) async throws -> Response {
        let (user, scope) = try context.require(.readRecords)
        let notFound = HTTPError(.notFound, message: "There is no young person with that id in the records you can see.")
        guard let id = context.parameters.get("id", as: Int64.self) else { throw notFound }
        switch try await services.records.open(id, for: AccessGrant(user: user, scope: scope)) {
        case .notFound: throw notFound
        case .mergedInto(let kept): return .redirect(to: "/people/\(kept)", type: .normal)
        case .shown(let record):
            let page = PersonPage(
                user: user, csrf: context.csrfToken ?? "", record: record, today: CalendarDate.today(from: services.now()),
                classifier: services.classifier, registry: services.registry,
                saved: request.uri.queryParameters.get("saved").map { String($0) }, now: services.now())
            return try templates.render(page)
        }
    }
}
