import HTTPTypes
import Hummingbird

/// Headers that tell browsers to refuse what Waymark never does: scripts or
/// styles from elsewhere or inline, being framed, sniffing types, sending
/// the address (a self-service link holds a token) to another site.
struct SecurityHeadersMiddleware<Context: RequestContext>: RouterMiddleware {
    /// Set when Waymark is reached over HTTPS, so browsers never try plain HTTP again.
    let strictTransport: Bool

    static var contentSecurityPolicy: String {
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; form-action 'self'; "
            + "frame-ancestors 'none'; base-uri 'none'; object-src 'none'"
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response = try await next(request, context)
        response.headers[.contentSecurityPolicy] = Self.contentSecurityPolicy
        response.headers[.xContentTypeOptions] = "nosniff"
        response.headers[.referrerPolicy] = "no-referrer"
        response.headers[.xFrameOptions] = "DENY"
        if strictTransport { response.headers[.strictTransportSecurity] = "max-age=31536000; includeSubDomains" }
        return response
    }
}

extension HTTPField.Name {
    static let xFrameOptions = Self("X-Frame-Options")!
    static let referrerPolicy = Self("Referrer-Policy")!
}
