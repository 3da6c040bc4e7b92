import Foundation
import Hummingbird
import Logging
import WaymarkApp
import WaymarkCore
import WaymarkRecords

/// Sign-in and sign-out. Every attempt passes the throttle (per account and
/// per client, checked and recorded in one transaction) before bcrypt runs.
struct SignInController {
    let services: WebServices
    let templates: Templates
    static let sessionLifetime: TimeInterval = 8 * 60 * 60

    var endpoints: RouteCollection<WebContext> {
        RouteCollection(context: WebContext.self)
            .get("sign-in", use: show)
            .post("sign-in", use: signIn)
            .post("sign-out", use: signOut)
    }

    struct Form: Decodable {
        let email: String
        let password: String
    }

    func show(_ request: Request, context: WebContext) async throws -> Response {
        if context.user != nil { return .redirect(to: Paths.home) }
        return try page(request, error: nil, email: "", status: .ok)
    }

    func signIn(_ request: Request, context: WebContext) async throws -> Response {
        guard let form = try? await request.decode(as: Form.self, context: context) else {
            return try page(request, error: .init(field: "email", message: "Enter your e-mail address and password"), email: "", status: .badRequest)
        }
        let email = form.email.trimmingCharacters(in: .whitespaces).lowercased()
        if let problem = Self.inputProblem(email: email, password: form.password) {
            // Never echo or store what was refused: it may be a payload, not an address.
            return try page(request, error: problem, email: "", status: .unprocessableContent)
        }
        let token = SecretToken.make()
        let outcome = try await services.app.signIn.signIn(
            email: email, password: form.password,
            clientAddress: ClientAddress.of(request, context: context, trustForwardedFor: services.trustForwardedFor),
            sessionTokenHash: SecretToken.hash(token), csrfToken: SecretToken.make(), lifetime: Self.sessionLifetime, now: services.now())
        switch outcome {
        case .throttled(let retryAfter):
            context.logger.notice("sign-in throttled", metadata: ["retry_after": "\(Int(retryAfter.rounded(.up)))"])
            return try throttledPage(request, email: email, retryAfter: retryAfter)
        case .refused(let userID):
            if let userID { context.logger.info("sign-in failed", metadata: ["user": "\(userID)"]) }
            return try page(request, error: .init(field: "email", message: "The e-mail address or password is not right"), email: email, status: .unauthorized)
        case .signedIn(let user):
            var response = Response.redirect(to: user.mustChangePassword ? Paths.password : Paths.home, type: .normal)
            response.setCookie(Cookie(name: SessionMiddleware.cookieName, value: token, maxAge: Int(Self.sessionLifetime), path: "/",
                                      secure: services.secureCookies, httpOnly: true, sameSite: .lax))
            return response
        }
    }

    func signOut(_ request: Request, context: WebContext) async throws -> Response {
        if let tokenHash = context.sessionTokenHash, let user = context.user {
            try await services.app.signIn.signOut(tokenHash: tokenHash, userID: user.id, now: services.now())
        }
        var response = Response.redirect(to: Paths.signIn, type: .normal)
        response.setCookie(Cookie(name: SessionMiddleware.cookieName, value: "", maxAge: 0, path: "/", secure: services.secureCookies, httpOnly: true, sameSite: .lax))
        return response
    }

    /// Refuses what no real account could hold before anything is looked up or stored.
    static func inputProblem(email: String, password: String) -> SignInPage.ErrorMessage? {
        if email.isEmpty { return .init(field: "email", message: "Enter your e-mail address") }
        if email.count > SignInThrottlePolicy.maxEmailLength {
            return .init(field: "email", message: "Enter an e-mail address of \(SignInThrottlePolicy.maxEmailLength) characters or fewer")
        }
        if password.utf8.count > SignInThrottlePolicy.maxPasswordBytes {
            return .init(field: "password", message: "Enter a password of \(SignInThrottlePolicy.maxPasswordBytes) characters or fewer")
        }
        return nil
    }

    private func throttledPage(_ request: Request, email: String, retryAfter: TimeInterval) throws -> Response {
        let seconds = Int(retryAfter.rounded(.up))
        let message = "Too many sign-in attempts. Wait \(RetryWait.phrase(seconds: seconds)), then try again"
        var response = try page(request, error: .init(field: "email", message: message), email: email, status: .tooManyRequests)
        response.headers[.retryAfter] = String(seconds)
        return response
    }

    private func page(_ request: Request, error: SignInPage.ErrorMessage?, email: String, status: HTTPResponse.Status) throws -> Response {
        let csrf = request.cookies[CSRFMiddleware.preSessionCookie]?.value ?? SecretToken.make()
        var response = try templates.render(SignInPage(csrf: csrf, email: email, error: error), status: status)
        response.setCookie(Cookie(name: CSRFMiddleware.preSessionCookie, value: csrf, path: "/", secure: services.secureCookies, httpOnly: true, sameSite: .strict))
        return response
    }
}
