import Foundation
import Hummingbird

/// Refuses any form post that does not carry the right CSRF token: the
/// session's token when signed in, otherwise the pre-sign-in cookie's.
struct CSRFMiddleware: RouterMiddleware {
    typealias Context = WebContext
    static let preSessionCookie = "waymark_csrf"
    static let fieldName = "csrf"
    /// The largest file a form may upload (an import file).
    static let maxUpload = 25_000_000

    func handle(_ request: Request, context: WebContext, next: (Request, WebContext) async throws -> Response) async throws -> Response {
        guard request.method == .post else { return try await next(request, context) }
        var request = request
        let sent: String?
        if let boundary = MultipartForm.boundary(contentType: request.headers[.contentType]) {
            // A file upload: the token travels as one of the parts.
            let body = try await request.collectBody(upTo: Self.maxUpload)
            sent = MultipartForm(body: Array(buffer: body), boundary: boundary)?.fields[Self.fieldName]
        } else {
            let body = try await request.collectBody(upTo: 1_000_000)
            sent = FormFields(body: String(buffer: body))[Self.fieldName]
        }
        let expected = context.csrfToken ?? request.cookies[Self.preSessionCookie]?.value
        guard let sent, let expected, SecretToken.equal(sent, expected) else {
            throw HTTPError(.forbidden, message: "This form has expired or did not come from Waymark. Go back, reload the page and try again.")
        }
        return try await next(request, context)
    }
}

/// Reads URL-encoded form fields without decoding into a type.
struct FormFields {
    private var values: [String: String] = [:]

    init(body: String) {
        for pair in body.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1)
            guard let name = parts.first.flatMap({ Self.decode($0) }) else { continue }
            values[name] = parts.count > 1 ? Self.decode(parts[1]) ?? "" : ""
        }
    }

    subscript(name: String) -> String? { values[name] }

    private static func decode(_ text: Substring) -> String? {
        text.replacingOccurrences(of: "+", with: " ").removingPercentEncoding
    }
}

