import Foundation
import HummingbirdBcrypt
import Hummingbird
import WaymarkStore

/// Sign-in and sign-out, with throttling after repeated failures.
struct SignInController {
    let services: WebServices
    let templates: Templates
    static let sessionLifetime: TimeInterval = 8 * 60 * 60
    static let maxFailures = 5
    static let throttleWindow: TimeInterval = 15 * 60

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
        if context.user != nil { return .redirect(to: "/") }
        return try page(request, error: nil, email: "", status: .ok)
    }

    func signIn(_ request: Request, context: WebContext) async throws -> Response {
        guard let form = try? await request.decode(as: Form.self, context: context) else {
            return try page(request, error: .init(field: "email", message: "Enter your e-mail address and password"), email: "", status: .badRequest)
        }
        let email = form.email.trimmingCharacters(in: .whitespaces).lowercased()
        let now = services.now()
        let sessions = SessionStore(store: services.store)
        if try await sessions.failedAttempts(email: email, since: now.addingTimeInterval(-Self.throttleWindow)) >= Self.maxFailures {
            return try page(request, error: .init(field: "email", message: "Too many failed attempts. Wait 15 minutes, then try again"), email: email, status: .tooManyRequests)
        }
        let user = try await UserQueries(store: services.store).user(email: email)
        let passwordMatches = await Self.verify(form.password, hash: user?.passwordHash)
        guard let user, passwordMatches, !user.disabled else {
            try await sessions.recordAttempt(email: email, succeeded: false, userID: user?.id, now: now)
            return try page(request, error: .init(field: "email", message: "The e-mail address or password is not right"), email: email, status: .unauthorized)
        }
        try await sessions.recordAttempt(email: email, succeeded: true, userID: user.id, now: now)
        let token = SecretToken.make()
        try await sessions.create(tokenHash: SecretToken.hash(token), userID: user.id, csrfToken: SecretToken.make(), now: now, lifetime: Self.sessionLifetime)
        var response = Response.redirect(to: "/", type: .normal)
        response.setCookie(Cookie(name: SessionMiddleware.cookieName, value: token, maxAge: Int(Self.sessionLifetime), path: "/",
                                  secure: services.secureCookies, httpOnly: true, sameSite: .lax))
        return response
    }

    func signOut(_ request: Request, context: WebContext) async throws -> Response {
        if let tokenHash = context.sessionTokenHash, let user = context.user {
            try await SessionStore(store: services.store).delete(tokenHash: tokenHash, userID: user.id, now: services.now())
        }
        var response = Response.redirect(to: "/sign-in", type: .normal)
        response.setCookie(Cookie(name: SessionMiddleware.cookieName, value: "", maxAge: 0, path: "/", secure: services.secureCookies, httpOnly: true, sameSite: .lax))
        return response
    }

    /// bcrypt is slow on purpose; verifying against a dummy hash when the user is unknown keeps timing the same.
    static func verify(_ password: String, hash: String?) async -> Bool {
        let hash = hash ?? "$2b$12$C6UzMDM.H6dfI/f/IKxGhuTNIEx3gsOCuSPwb3d1mvHnY5FEV62NS"
        return await Task.detached { Bcrypt.verify(password, hash: hash) }.value
    }

    private func page(_ request: Request, error: SignInPage.ErrorMessage?, email: String, status: HTTPResponse.Status) throws -> Response {
        let csrf = request.cookies[CSRFMiddleware.preSessionCookie]?.value ?? SecretToken.make()
        var response = try templates.render(SignInPage(csrf: csrf, email: email, error: error), status: status)
        response.setCookie(Cookie(name: CSRFMiddleware.preSessionCookie, value: csrf, path: "/", secure: services.secureCookies, httpOnly: true, sameSite: .strict))
        return response
    }
}

struct SignInPage: PageModel {
    static let template = "sign-in"
    struct ErrorMessage: Sendable {
        let field: String
        let message: String
    }

    let title = "Sign in"
    let csrf: String
    let email: String
    let error: ErrorMessage?
}
