import Foundation
import Hummingbird
import WaymarkApp

/// Data protection for data managers: every break-the-glass access with its
/// reason, and who has looked at one record. The use cases audit each view.
struct AccessReviewController {
    static let breakGlassPath = "/data-protection/break-glass"

    let services: WebServices
    let templates: Templates

    var endpoints: RouteCollection<WebContext> {
        RouteCollection(context: WebContext.self)
            .get(RouterPath(Self.breakGlassPath), use: breakGlass)
            .get("people/:id/access-log", use: accessLog)
    }

    var review: AccessReview { AccessReview(store: services.store) }

    func breakGlass(_ request: Request, context: WebContext) async throws -> Response {
        let grant = try context.grant(.reviewAccess)
        let before = try ReviewCursor.of(request)
        let now = services.now()
        let page = try await answeringRefusals { try await review.breakGlassAccesses(for: grant, before: before, at: now) }
        return try templates.render(BreakGlassReviewPage(grant: grant, csrf: context.csrfToken ?? "", page: page, now: now))
    }

    func accessLog(_ request: Request, context: WebContext) async throws -> Response {
        let grant = try context.grant(.reviewAccess)
        let person = try context.personID()
        let before = try ReviewCursor.of(request)
        let now = services.now()
        let page = try await answeringRefusals { try await review.accessLog(for: grant, person: person, before: before, at: now) }
        return try templates.render(AccessLogPage(grant: grant, csrf: context.csrfToken ?? "", person: person, page: page))
    }
}
