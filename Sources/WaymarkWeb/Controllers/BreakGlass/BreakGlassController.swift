import Foundation
import Hummingbird
import WaymarkApp
import WaymarkCore

/// Break the glass on one record: the form explains what will open, for how
/// long, that it is audited and who is told, and asks for the reason. A
/// missing or thin reason comes back with the GOV.UK error summary (422)
/// and opens nothing.
struct BreakGlassController {
    let services: WebServices
    let templates: Templates

    var endpoints: RouteCollection<WebContext> {
        RouteCollection(context: WebContext.self)
            .get("people/:id/break-glass", use: show)
            .post("people/:id/break-glass", use: open)
    }

    struct Form: Decodable, Sendable {
        var reason: String?
    }

    var desk: BreakGlassDesk { BreakGlassDesk(store: services.store, policy: services.breakGlass) }

    func show(_ request: Request, context: WebContext) async throws -> Response {
        let grant = try context.grant(.readRecords)
        let person = try context.personID()
        let now = services.now()
        let offer = try await answeringRefusals { try await desk.offer(for: grant, person: person, at: now) }
        let opened = try await request.uri.queryParameters.get("opened", as: Int64.self).asyncFlatMap {
            try await desk.opened($0, for: grant, person: person)
        }
        let page = BreakGlassPage(grant: grant, csrf: context.csrfToken ?? "", offer: offer, opened: opened, now: now)
        return try templates.render(page)
    }

    func open(_ request: Request, context: WebContext) async throws -> Response {
        let grant = try context.grant(.readRecords)
        let person = try context.personID()
        let form = try await request.decodeForm(as: Form.self, context: context)
        let now = services.now()
        do {
            let opened = try await answeringRefusals { try await desk.breakGlass(for: grant, person: person, reason: form.reason, at: now) }
            context.logger.notice(
                "break the glass", metadata: ["person": "\(person)", "user": "\(grant.user.id)", "access": "\(opened.id)", "adviser-told": "\(opened.adviserTold != nil)"])
            return .redirect(to: "/people/\(person)/break-glass?opened=\(opened.id)", type: .normal)
        } catch let problem as BreakGlassReasonProblem {
            let offer = try await desk.offer(for: grant, person: person, at: now)
            let page = BreakGlassPage(grant: grant, csrf: context.csrfToken ?? "", offer: offer, opened: nil, now: now, reason: form.reason, problem: problem.description)
            return try templates.render(page, status: .unprocessableContent)
        }
    }
}

extension Optional {
    fileprivate func asyncFlatMap<U>(_ transform: (Wrapped) async throws -> U?) async rethrows -> U? {
        guard let self else { return nil }
        return try await transform(self)
    }
}
