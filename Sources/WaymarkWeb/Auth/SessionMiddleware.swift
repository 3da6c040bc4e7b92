import Hummingbird
import WaymarkApp
import WaymarkRecords

/// Finds the signed-in session from the cookie. Unknown, expired or disabled
/// sessions simply leave the request signed out.
struct SessionMiddleware: RouterMiddleware {
    typealias Context = WebContext
    static let cookieName = "waymark_session"

    let services: WebServices

    func handle(_ request: Request, context: WebContext, next: (Request, WebContext) async throws -> Response) async throws -> Response {
        var context = context
        guard let token = request.cookies[Self.cookieName]?.value else { return try await next(request, context) }
        let tokenHash = SecretToken.hash(token)
        guard let session = try await services.app.signIn.session(tokenHash: tokenHash, now: services.now()) else {
            return try await next(request, context)
        }
        context.session = session
        context.sessionTokenHash = tokenHash
        if session.user.mustChangePassword, !PasswordController.reachableWhileForced(request.uri.path) {
            return .redirect(to: Paths.password, type: .normal)
        }
        return try await Navigation.$current.withValue(Navigation(role: session.user.role)) { try await next(request, context) }
    }
}
