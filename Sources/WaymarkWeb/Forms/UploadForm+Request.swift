import Hummingbird

extension UploadForm {
    /// Reads a multipart body only once the route group's gate has let the
    /// user through, then checks the form's CSRF token from its part.
    static func read(_ request: Request, csrf sessionToken: String, limit: Int) async throws -> UploadForm {
        var request = request
        guard let boundary = UploadForm.boundary(contentType: request.headers[.contentType]) else {
            throw HTTPError(.badRequest, message: UploadFormError.malformed.description)
        }
        let body = try await request.collectBody(upTo: limit)
        let form: UploadForm
        do {
            form = try UploadForm(body: Array(body.readableBytesView), boundary: boundary)
        } catch {
            throw HTTPError(.badRequest, message: error.description)
        }
        try CSRFMiddleware.verify(sent: form.fields[CSRFMiddleware.fieldName], request: request, sessionToken: sessionToken)
        return form
    }
}
