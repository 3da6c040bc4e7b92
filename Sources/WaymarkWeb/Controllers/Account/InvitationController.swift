import Foundation
import Hummingbird
import Logging
import WaymarkApp
import WaymarkRecords

/// The page behind an invitation link: a new user sees who the account is
/// for and chooses their own password, then signs in with it. Unknown, used,
/// replaced and expired links all get the same page.
struct InvitationController {
    let services: WebServices
    let templates: Templates

    var endpoints: RouteCollection<WebContext> {
        RouteCollection(context: WebContext.self)
            .get(":token", use: show)
            .post(":token", use: accept)
    }

    struct Form: Decodable {
        var new: String?
        var confirm: String?
    }

    private var desk: InvitationDesk { services.app.invitations }

    func show(_ request: Request, context: WebContext) async throws -> Response {
        guard let invitee = try await desk.invitee(token: context.parameters.get("token") ?? "", now: services.now()) else {
            return try notValid(context: context)
        }
        return try form(request, context: context, invitee: invitee, problem: nil)
    }

    func accept(_ request: Request, context: WebContext) async throws -> Response {
        let token = context.parameters.get("token") ?? ""
        let form = try await request.decodeForm(as: Form.self, context: context)
        switch try await desk.accept(token: token, password: form.new ?? "", confirmation: form.confirm ?? "", now: services.now()) {
        case .accepted(let user):
            context.logger.info("invitation accepted", metadata: ["user": "\(user.id)"])
            return try templates.render(InvitationPage.accepted(email: user.email))
        case .refused(let problem):
            guard let invitee = try await desk.invitee(token: token, now: services.now()) else { return try notValid(context: context) }
            return try self.form(request, context: context, invitee: invitee, problem: problem)
        case .linkNotValid:
            return try notValid(context: context)
        }
    }

    private func form(_ request: Request, context: WebContext, invitee: StoredUser, problem: PasswordChangeProblem?) throws -> Response {
        let csrf = context.csrfToken ?? request.cookies[CSRFMiddleware.preSessionCookie]?.value ?? SecretToken.make()
        var response = try templates.render(
            InvitationPage.form(invitee: invitee, csrf: csrf, action: request.uri.path, problem: problem),
            status: problem == nil ? .ok : .unprocessableContent)
        if context.csrfToken == nil {
            response.setCookie(Cookie(name: CSRFMiddleware.preSessionCookie, value: csrf, path: "/", secure: services.secureCookies,
                                      httpOnly: true, sameSite: .strict))
        }
        response.headers[.cacheControl] = "no-store"
        return response
    }

    private func notValid(context: WebContext) throws -> Response {
        context.logger.info("invitation link refused")
        return try templates.render(InvitationPage.notValid(), status: .notFound)
    }
}
