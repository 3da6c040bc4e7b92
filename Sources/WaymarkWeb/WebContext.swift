public import Hummingbird
public import NIOCore
import WaymarkApp
public import WaymarkRecords
public import WaymarkStore

/// Per-request state: the signed-in user (if any) and their session's CSRF token.
public struct WebContext: RequestContext, RemoteAddressRequestContext {
    public var coreContext: CoreRequestContextStorage
    /// The peer of the connection: the client, or the proxy in front of us.
    public let remoteAddress: SocketAddress?
    public var user: StoredUser?
    /// The records the signed-in user's organisation may see.
    public var scope: RecordScope?
    var csrfToken: String?
    var sessionTokenHash: String?

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        remoteAddress = source.channel.remoteAddress
    }

    /// Forms arrive URL-encoded: the pages work without JavaScript.
    public var requestDecoder: URLEncodedFormDecoder { URLEncodedFormDecoder() }

    /// The signed-in user if their role holds `permission`; otherwise a 403,
    /// or ``SignInRequired`` (a redirect to sign in) when nobody is signed in.
    func require(_ permission: Permission) throws -> (user: StoredUser, scope: RecordScope) {
        guard let user, let scope else { throw SignInRequired() }
        guard AccessPolicy.allows(user.role, permission) else {
            throw HTTPError(.forbidden, message: "Your role (\(user.role.displayName)) does not allow this. Ask your administrator if you need it.")
        }
        return (user, scope)
    }
}

/// Thrown when a page needs a signed-in user; answered with a redirect to the sign-in page.
struct SignInRequired: Error {}
