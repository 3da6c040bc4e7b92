import Foundation
import Hummingbird
import NIOCore

extension Request {
    /// Decodes a posted form. A form a browser could not have sent (a field
    /// sent twice, a list where one value belongs, broken encoding) is
    /// refused with 422 and the field named, rather than Hummingbird's
    /// generic 400 with a decoder's wording. Forms with a page of their own
    /// use ``readForm(as:context:)``, which comes back to that page instead.
    func decodeForm<Form: Decodable>(as type: Form.Type, context: some RequestContext) async throws -> Form {
        let (form, unread) = try await readForm(as: type, context: context)
        if let first = unread.all.first { throw HTTPError(.unprocessableContent, message: first.message) }
        return form
    }

    /// Reads a posted form for a page that shows its own problems: a field
    /// sent twice or in a shape the form does not take is left out (never
    /// guessed between) and named in the problems, so the page comes back
    /// with an error summary linking to it and the rest of what was typed
    /// kept. Only a body no form could be read from at all is refused.
    func readForm<Form: Decodable>(as type: Form.Type, context: some RequestContext) async throws -> (Form, FormProblems) {
        let body = String(buffer: try await self.body.collect(upTo: context.maxUploadSize))
        var pairs = body.split(separator: "&", omittingEmptySubsequences: true).map(String.init)
        var unread = FormProblems()
        // Each pass drops one unreadable field; a form has far fewer fields than this.
        for _ in 0..<20 {
            let field: String?
            do {
                return (try URLEncodedFormDecoder().decode(type, from: pairs.joined(separator: "&")), unread)
            } catch let error as DecodingError {
                field = Self.field(of: error)
            } catch let error as URLEncodedFormError {
                // Thrown before decoding starts (a key sent twice, broken percent-encoding); unhandled it would be a 500.
                field = error.code == .duplicateKeys ? error.value : nil
            }
            guard let field, !field.isEmpty else { break }
            // `start-date[day]` and `person[]` are parts of the fields `start-date` and `person`: the whole field goes.
            let name = String(field.prefix { $0 != "[" })
            let kept = pairs.filter { pair in Self.name(of: pair).map { $0 != name && !$0.hasPrefix(name + "[") } ?? true }
            guard kept.count < pairs.count else { break }
            pairs = kept
            unread.add(name, Self.describe(field: name))
        }
        throw HTTPError(.unprocessableContent, message: Self.describe(field: nil))
    }

    private static func name(of pair: String) -> String? {
        FormFields.decode(pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)[0])
    }

    static func field(of error: DecodingError) -> String? {
        let path: [any CodingKey]
        switch error {
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context): path = context.codingPath
        case .keyNotFound(let key, let context): path = context.codingPath + [key]
        @unknown default: path = []
        }
        return path.first?.stringValue
    }

    static func describe(field: String?) -> String {
        guard let field else { return "The form could not be read. Go back, check what you entered and save again." }
        let words = field.prefix(40).replacingOccurrences(of: "-", with: " ")
        return "The \(words) was sent more than once or in a shape this form does not take: check it and save again"
    }
}
