import Foundation
import Hummingbird
import Logging
import WaymarkApp
import WaymarkCore
import WaymarkRecords

/// Break the glass on one record: the form explains what will open, for how
/// long, that it is audited and who is told, and asks for the reason. A
/// missing or thin reason comes back with the GOV.UK error summary (422)
/// and opens nothing. Careers leaders and administrators are refused by
/// the use case (403), as is a record out of scope (404).
struct BreakGlassController {
    let services: WebServices
    let templates: Templates

    var endpoints: RouteCollection<WebContext> {
        let routes = RouteCollection(context: WebContext.self)
        routes.requiring(.readRecords)
            .get("people/:id/break-glass", use: show)
            .post("people/:id/break-glass", use: open)
        return routes
    }

    struct Form: Decodable, Sendable {
        var reason: String?
    }

    var desk: BreakGlassDesk { services.app.breakGlassDesk }

    func show(_ request: Request, context: StaffContext) async throws -> Response {
        let person = try context.personID()
        let now = services.now()
        let offer = try await desk.offer(for: context.grant, person: person, at: now)
        var opened: BreakGlassOpened?
        if let access = request.uri.queryParameters.get("opened", as: Int64.self) {
            opened = try await desk.opened(access, for: context.grant, person: person)
        }
        return try templates.render(BreakGlassPage(user: context.user, csrf: context.csrf, offer: offer, opened: opened, now: now))
    }

    func open(_ request: Request, context: StaffContext) async throws -> Response {
        let person = try context.personID()
        let form = try await request.decodeForm(as: Form.self, context: context)
        let now = services.now()
        do {
            let opened = try await desk.breakGlass(for: context.grant, person: person, reason: form.reason, at: now)
            context.logger.notice(
                "break the glass",
                metadata: ["person": "\(person)", "user": "\(context.user.id)", "access": "\(opened.id)", "adviser-told": "\(opened.adviserTold != nil)"])
            return .redirect(to: Paths.breakGlass(person, opened: opened.id), type: .normal)
        } catch let problem as BreakGlassReasonProblem {
            let offer = try await desk.offer(for: context.grant, person: person, at: now)
            let page = BreakGlassPage(user: context.user, csrf: context.csrf, offer: offer, opened: nil, now: now, reason: form.reason, problem: problem.description)
            return try templates.render(page, status: .unprocessableContent)
        }
    }
}
