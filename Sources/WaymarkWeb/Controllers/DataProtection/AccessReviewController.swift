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
        if let format = try Downloads.format(request) {
            return Downloads.response(try await services.app.accessReview.breakGlassExport(format: format, for: context.grant, at: services.now()))
        }
        let before = try ReviewCursor.of(request)
        let now = services.now()
        let page = try await services.app.accessReview.breakGlassAccesses(for: context.grant, before: before, at: now)
        var view = BreakGlassReviewPage(user: context.user, csrf: context.csrf, page: page, now: now)
        view.downloads = DownloadLinks(path: request.uri.path, allPages: page.before != nil || page.older != nil)
        return try templates.render(view)
    }

    func accessLog(_ request: Request, context: StaffContext) async throws -> Response {
        let person = try context.personID()
        if let format = try Downloads.format(request) {
            return Downloads.response(try await services.app.accessReview.accessLogExport(person: person, format: format, for: context.grant, at: services.now()))
        }
        let before = try ReviewCursor.of(request)
        let page = try await services.app.accessReview.accessLog(for: context.grant, person: person, before: before, at: services.now())
        var view = AccessLogPage(user: context.user, csrf: context.csrf, person: person, page: page)
        view.downloads = DownloadLinks(path: request.uri.path, allPages: page.before != nil || page.older != nil)
        return try templates.render(view)
    }
}
