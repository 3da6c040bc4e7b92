import Foundation
import Hummingbird
import Logging
import WaymarkApp
import WaymarkCore

/// The page behind the link in a campaign message. No account: the signed
/// link is the only key, it opens one empty form, and shows nothing already
/// on the record. Every refusal reads the same, so a guessed link learns nothing.
struct SelfServiceController {
    let services: WebServices
    let templates: Templates

    var endpoints: RouteCollection<WebContext> {
        RouteCollection(context: WebContext.self)
            .get(":token", use: show)
            .post(":token", use: answer)
    }

    func show(_ request: Request, context: WebContext) async throws -> Response {
        let text = context.parameters.get("token") ?? ""
        switch try await desk.visit(text, now: services.now()) {
        case .open:
            let csrf = context.csrfToken ?? request.cookies[CSRFMiddleware.preSessionCookie]?.value ?? SecretToken.make()
            var response = try templates.render(SelfServicePage.form(
                laName: services.laName, csrf: csrf, action: request.uri.path, form: SelfServiceForm(), problems: FormProblems()))
            if context.csrfToken == nil {
                response.setCookie(Cookie(name: CSRFMiddleware.preSessionCookie, value: csrf, path: "/", secure: services.secureCookies,
                                          httpOnly: true, sameSite: .strict))
            }
            return response
        case .alreadyAnswered:
            return try templates.render(SelfServicePage.thanks(laName: services.laName, action: request.uri.path))
        case .refused(let why):
            return try refuse(why, context: context)
        }
    }

    func answer(_ request: Request, context: WebContext) async throws -> Response {
        let text = context.parameters.get("token") ?? ""
        let now = services.now()
        let token: SelfServiceToken
        switch try await desk.visit(text, now: now) {
        case .open(let opened): token = opened
        case .alreadyAnswered: return try templates.render(SelfServicePage.thanks(laName: services.laName, action: request.uri.path))
        case .refused(let why): return try refuse(why, context: context)
        }
        let form = try await request.decodeForm(as: SelfServiceForm.self, context: context)
        let (answer, problems) = form.validated(campaignMemberID: token.campaignMemberID, today: CalendarDate.today(from: now))
        guard let answer else {
            let csrf = context.csrfToken ?? request.cookies[CSRFMiddleware.preSessionCookie]?.value ?? ""
            return try templates.render(
                SelfServicePage.form(laName: services.laName, csrf: csrf, action: request.uri.path, form: form, problems: problems),
                status: .unprocessableContent)
        }
        _ = try await desk.answer(answer, token: token, now: now)
        context.logger.info("self-service answer", metadata: ["person": "\(token.personID)", "member": "\(token.campaignMemberID)"])
        return .redirect(to: request.uri.path, type: .normal)
    }

    private var desk: SelfServiceDesk { services.app.selfService }

    /// Expired links say gone (410), everything else not found (404); the page reads the same.
    private func refuse(_ why: SelfServiceRefusal, context: WebContext) throws -> Response {
        context.logger.info("self-service link refused", metadata: ["reason": "\(why.rawValue)"])
        return try templates.render(SelfServicePage.refused(laName: services.laName), status: why == .expired ? .gone : .notFound)
    }
}
