public import Hummingbird
public import NIOCore
import WaymarkApp
import WaymarkRecords

/// Per-request state: the signed-in session (if any). Routes that need one
/// are grouped under a ``StaffContext`` by ``RouterMethods/requiring(_:)``.
public struct WebContext: RequestContext, RemoteAddressRequestContext {
    public var coreContext: CoreRequestContextStorage
    /// The peer of the connection: the client, or the proxy in front of us.
    public let remoteAddress: SocketAddress?
    /// Set by ``SessionMiddleware`` for a live session.
    var session: SignedInSession?
    var sessionTokenHash: String?

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        remoteAddress = source.channel.remoteAddress
    }

    /// Forms arrive URL-encoded: the pages work without JavaScript.
    public var requestDecoder: URLEncodedFormDecoder { URLEncodedFormDecoder() }

    var user: StoredUser? { session?.user }
    var csrfToken: String? { session?.csrfToken }
}

/// Thrown when a page needs a signed-in user; answered with a redirect to the sign-in page.
struct SignInRequired: Error {}
