import Hummingbird
import WaymarkApp
import WaymarkCore
import WaymarkStore

/// Finds the signed-in user from the session cookie. Unknown, expired or
/// disabled sessions simply leave the request signed out.
struct SessionMiddleware: RouterMiddleware {
    typealias Context = WebContext
    static let cookieName = "waymark_session"

    let services: WebServices

    func handle(_ request: Request, context: WebContext, next: (Request, WebContext) async throws -> Response) async throws -> Response {
        var context = context
        if let token = request.cookies[Self.cookieName]?.value {
            let tokenHash = SecretToken.hash(token)
            if let session = try await SessionStore(store: services.store).find(tokenHash: tokenHash, now: services.now()),
                let user = try await UserQueries(store: services.store).user(id: session.userID), !user.disabled,
                let organisation = try await OrganisationQueries(store: services.store).organisation(id: user.organisationID)
            {
                context.user = user
                context.scope = AccessPolicy.scope(
                    for: organisation, installationLA: services.laCode.code, on: CalendarDate.today(from: services.now()))
                context.csrfToken = session.csrfToken
                context.sessionTokenHash = tokenHash
                if user.mustChangePassword, !PasswordController.reachableWhileForced(request.uri.path) {
                    return .redirect(to: PasswordController.path, type: .normal)
                }
                return try await Navigation.$current.withValue(Navigation(role: user.role)) { try await next(request, context) }
            }
        }
        return try await next(request, context)
    }
}
