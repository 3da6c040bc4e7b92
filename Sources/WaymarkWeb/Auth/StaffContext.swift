import Hummingbird
import NIOCore
import WaymarkApp
import WaymarkRecords

/// A request from a signed-in user whose role holds the permission of the
/// route group it reached. Handlers get the grant, never an optional user:
/// the group decided access once, before any handler ran.
struct StaffContext: ChildRequestContext, RemoteAddressRequestContext {
    var coreContext: CoreRequestContextStorage
    let remoteAddress: SocketAddress?
    let session: SignedInSession
    let sessionTokenHash: String?

    init(context: WebContext) throws {
        guard let session = context.session else { throw SignInRequired() }
        coreContext = context.coreContext
        remoteAddress = context.remoteAddress
        self.session = session
        sessionTokenHash = context.sessionTokenHash
    }

    /// Who is asking and why: what every use case is called with.
    var grant: AccessGrant { session.grant }
    var user: StoredUser { session.user }
    var csrf: String { session.csrfToken }

    var requestDecoder: URLEncodedFormDecoder { URLEncodedFormDecoder() }
}

/// The door of a route group: signed out is sent to sign in, a role without
/// the permission gets 403 with the reason; nothing reaches a handler otherwise.
struct PermissionGate: RouterMiddleware {
    typealias Context = WebContext
    /// Nil for pages every signed-in user may open (home, their password).
    let permission: Permission?

    func handle(_ request: Request, context: WebContext, next: (Request, WebContext) async throws -> Response) async throws -> Response {
        guard let session = context.session else { throw SignInRequired() }
        if let permission { try session.grant.require(permission) }
        return try await next(request, context)
    }
}

extension RouterMethods where Context == WebContext {
    /// Routes for signed-in users whose role holds `permission`; `nil` for any signed-in user.
    func requiring(_ permission: Permission?) -> RouterGroup<StaffContext> {
        group().add(middleware: PermissionGate(permission: permission)).group(context: StaffContext.self)
    }
}
