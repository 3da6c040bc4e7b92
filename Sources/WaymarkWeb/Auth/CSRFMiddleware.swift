import Foundation
import Hummingbird

/// Refuses any form post that does not carry the right CSRF token: the
/// session's token when signed in, otherwise the pre-sign-in cookie's.
///
/// Multipart bodies are not read here: only upload routes take them, and
/// those read the body (and check the token in it) after the session and
/// the role are known, so a stranger cannot make the server parse one.
struct CSRFMiddleware: RouterMiddleware {
    typealias Context = WebContext
    static let preSessionCookie = "waymark_csrf"
    static let fieldName = "csrf"
    /// The largest URL-encoded form any page sends (a long note is 4,000 characters).
    static let maxFormBody = 256 * 1024
    /// The paths whose POST takes `multipart/form-data` (a file upload).
    static let uploadPaths: Set<String> = ["/imports", "/portal/upload", "/transfers", "/transfers/acknowledgements"]

    func handle(_ request: Request, context: WebContext, next: (Request, WebContext) async throws -> Response) async throws -> Response {
        guard request.method == .post else { return try await next(request, context) }
        if UploadForm.isMultipart(contentType: request.headers[.contentType]) {
            guard Self.uploadPaths.contains(request.uri.path) else {
                throw HTTPError(.unsupportedMediaType, message: "This page does not take file uploads.")
            }
            guard context.user != nil else {
                throw HTTPError(.forbidden, message: "Sign in before uploading a file.")
            }
            return try await next(request, context)
        }
        var request = request
        let body = try await request.collectBody(upTo: Self.maxFormBody)
        try Self.verify(sent: FormFields(body: String(decoding: body.readableBytesView, as: UTF8.self))[Self.fieldName],
                        request: request, sessionToken: context.csrfToken)
        return try await next(request, context)
    }

    /// Compares the token a form sent with the one this browser holds.
    static func verify(sent: String?, request: Request, sessionToken: String?) throws {
        let expected = sessionToken ?? request.cookies[preSessionCookie]?.value
        guard let sent, let expected, SecretToken.equal(sent, expected) else {
            throw HTTPError(.forbidden, message: "This form has expired or did not come from Waymark. Go back, reload the page and try again.")
        }
    }
}
