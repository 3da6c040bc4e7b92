import Foundation
import Hummingbird
import WaymarkApp

/// Data protection for data managers: every break-the-glass access with its
/// reason, and who has looked at one record. The use cases audit each view.
struct AccessReviewController {
    let services: WebServices
    let templates: Templates

    var endpoints: RouteCollection<WebContext> {
        let routes = RouteCollection(context: WebContext.self)
        routes.requiring(.reviewAccess)
            .get(RouterPath(Paths.breakGlassReview), use: breakGlass)
            .get("people/:id/access-log", use: accessLog)
        return routes
    }

    func breakGlass(_ request: Request, context: StaffContext) async throws -> Response {
        let before = try ReviewCursor.of(request)
        let now = services.now()
        let page = try await services.app.accessReview.breakGlassAccesses(for: context.grant, before: before, at: now)
        return try templates.render(BreakGlassReviewPage(user: context.user, csrf: context.csrf, page: page, now: now))
    }

    func accessLog(_ request: Request, context: StaffContext) async throws -> Response {
        let person = try context.personID()
        let before = try ReviewCursor.of(request)
        let page = try await services.app.accessReview.accessLog(for: context.grant, person: person, before: before, at: services.now())
        return try templates.render(AccessLogPage(user: context.user, csrf: context.csrf, person: person, page: page))
    }
}
