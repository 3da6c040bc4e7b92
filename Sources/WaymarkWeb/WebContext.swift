import Hummingbird
import WaymarkStore

/// Per-request state: the signed-in user (if any) and their session's CSRF token.
public struct WebContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    public var user: StoredUser?
    var csrfToken: String?
    var sessionTokenHash: String?

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
    }

    /// Forms arrive URL-encoded: the pages work without JavaScript.
    public var requestDecoder: URLEncodedFormDecoder { URLEncodedFormDecoder() }
}
