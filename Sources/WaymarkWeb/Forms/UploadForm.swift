import Foundation
import MultipartKit
import NIOCore

/// A `multipart/form-data` body, as a browser sends a form with a file.
/// The bytes are split into parts by multipart-kit's parser (a kept library
/// reads what strangers send); this type only gathers the parts a plain HTML
/// upload form sends (text fields and files) within fixed limits.
struct UploadForm: Sendable {
    struct File: Sendable {
        let fileName: String
        let data: Data
    }

    /// Limits on what one upload may hold, beyond the route's body limit.
    enum Limits {
        static let parts = 16
        static let fieldBytes = 64 * 1024
        static let headersPerPart = 8
        static let headerBytes = 1024
    }

    private(set) var fields: [String: String] = [:]
    private(set) var files: [String: File] = [:]

    /// The boundary from a `Content-Type: multipart/form-data; boundary=…` header, or nil for other types.
    static func boundary(contentType: String?) -> String? {
        guard let contentType, contentType.lowercased().hasPrefix("multipart/form-data") else { return nil }
        let value = HeaderParameters(contentType)["boundary"]
        // RFC 2046 allows 1–70 characters.
        guard let value, (1...70).contains(value.utf8.count) else { return nil }
        return value
    }

    /// Whether a request claims to carry multipart data (with or without a usable boundary).
    static func isMultipart(contentType: String?) -> Bool {
        contentType?.lowercased().hasPrefix("multipart/") ?? false
    }

    init(body: [UInt8], boundary: String) throws(UploadFormError) {
        guard MultipartHeaderNames.areASCII(body, boundary: boundary) else { throw .malformed }
        var collector = PartCollector()
        let parser = MultipartParser(boundary: boundary)
        parser.onHeader = { name, value in collector.header(name: name, value: value) }
        parser.onBody = { buffer in collector.body(&buffer) }
        parser.onPartComplete = { collector.complete() }
        do {
            try parser.execute(body)
        } catch {
            throw .malformed
        }
        if let problem = collector.problem { throw problem }
        guard collector.partOpen == false, collector.parts.isEmpty == false else { throw .malformed }
        for part in collector.parts {
            guard let disposition = part.headers["content-disposition"] else { throw .malformed }
            let parameters = HeaderParameters(disposition)
            guard let name = parameters["name"], !name.isEmpty else { throw .malformed }
            if let fileName = parameters["filename"] {
                files[name] = File(fileName: fileName, data: Data(part.body))
            } else {
                guard part.body.count <= Limits.fieldBytes else { throw .fieldTooLong(name) }
                fields[name] = String(decoding: part.body, as: UTF8.self)
            }
        }
    }
}

/// Why an upload could not be read; each says what to do next.
enum UploadFormError: Error, Equatable, CustomStringConvertible {
    case malformed
    case tooManyParts
    case fieldTooLong(String)

    var description: String {
        switch self {
        case .malformed: "The upload could not be read. Choose the file again and press Import."
        case .tooManyParts: "The upload has more than \(UploadForm.Limits.parts) parts. Send one file with the form."
        case .fieldTooLong(let name): "The field \(name) is longer than \(UploadForm.Limits.fieldBytes / 1024) KB."
        }
    }
}

/// Gathers the parser's callbacks into whole parts, refusing beyond the limits.
private struct PartCollector {
    struct Part {
        var headers: [String: String] = [:]
        var body: [UInt8] = []
    }

    var parts: [Part] = []
    var current = Part()
    var partOpen = false
    var problem: UploadFormError?

    mutating func header(name: String, value: String) {
        partOpen = true
        guard current.headers.count < UploadForm.Limits.headersPerPart, value.utf8.count <= UploadForm.Limits.headerBytes else {
            problem = problem ?? .malformed
            return
        }
        current.headers[name.lowercased()] = value
    }

    mutating func body(_ buffer: inout ByteBuffer) {
        partOpen = true
        guard problem == nil else { return }
        current.body.append(contentsOf: buffer.readableBytesView)
    }

    mutating func complete() {
        if parts.count >= UploadForm.Limits.parts { problem = problem ?? .tooManyParts }
        if problem == nil { parts.append(current) }
        current = Part()
        partOpen = false
    }
}

/// The `; name=value` parameters of a header such as Content-Type or
/// Content-Disposition, with quoted values (which may hold `;`) unquoted.
struct HeaderParameters {
    private var values: [String: String] = [:]

    init(_ header: String) {
        var pieces: [String] = []
        var piece = ""
        var quoted = false
        var escaped = false
        for character in header {
            if escaped {
                piece.append(character)
                escaped = false
            } else if quoted && character == "\\" {
                escaped = true
            } else if character == "\"" {
                quoted.toggle()
            } else if character == ";" && !quoted {
                pieces.append(piece)
                piece = ""
            } else {
                piece.append(character)
            }
        }
        pieces.append(piece)
        for parameter in pieces.dropFirst() {
            guard let equals = parameter.firstIndex(of: "=") else { continue }
            let name = parameter[..<equals].trimmingCharacters(in: .whitespaces).lowercased()
            let value = parameter[parameter.index(after: equals)...].trimmingCharacters(in: .whitespaces)
            if !name.isEmpty, values[name] == nil { values[name] = value }
        }
    }

    subscript(name: String) -> String? { values[name] }
}
