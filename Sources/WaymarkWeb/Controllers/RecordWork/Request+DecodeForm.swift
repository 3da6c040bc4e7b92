import Hummingbird

extension Request {
    /// Decodes a posted form. A form a browser could not have sent (a field
    /// sent twice, a list where one value belongs, broken encoding) is
    /// refused with 422 and the field named, rather than Hummingbird's
    /// generic 400 with a decoder's wording.
    func decodeForm<Form: Decodable>(as type: Form.Type, context: some RequestContext) async throws -> Form {
        do {
            return try await context.requestDecoder.decode(type, from: self, context: context)
        } catch let error as DecodingError {
            throw HTTPError(.unprocessableContent, message: Self.describe(error))
        } catch let error as URLEncodedFormError {
            // Thrown before decoding starts (a key sent twice, broken percent-encoding); unhandled it would be a 500.
            throw HTTPError(.unprocessableContent, message: Self.describe(field: error.code == .duplicateKeys ? error.value : nil))
        }
    }

    static func describe(_ error: DecodingError) -> String {
        let path: [any CodingKey]
        switch error {
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context): path = context.codingPath
        case .keyNotFound(let key, let context): path = context.codingPath + [key]
        @unknown default: path = []
        }
        return describe(field: path.first?.stringValue)
    }

    static func describe(field: String?) -> String {
        guard let field else { return "The form could not be read. Go back, check what you entered and save again." }
        return "The field '\(field.prefix(40))' was sent more than once or in a shape this form does not take. Go back, check it and save again."
    }
}
