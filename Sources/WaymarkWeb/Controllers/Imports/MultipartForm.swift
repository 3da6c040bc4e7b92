import Foundation

/// A `multipart/form-data` body, as a browser sends a form with a file.
/// Hummingbird reads only URL-encoded forms; this reads the parts a plain
/// HTML upload form sends (text fields and files), nothing more.
struct MultipartForm: Sendable {
    struct File: Sendable {
        let fileName: String
        let data: Data
    }

    private(set) var fields: [String: String] = [:]
    private(set) var files: [String: File] = [:]

    /// The boundary from a `Content-Type: multipart/form-data; boundary=…` header, or nil for other types.
    static func boundary(contentType: String?) -> String? {
        guard let contentType, contentType.lowercased().hasPrefix("multipart/form-data") else { return nil }
        for parameter in contentType.split(separator: ";").dropFirst() {
            let pair = parameter.trimmingCharacters(in: .whitespaces).split(separator: "=", maxSplits: 1)
            if pair.count == 2, pair[0].lowercased() == "boundary" {
                let value = String(pair[1]).trimmingCharacters(in: CharacterSet(charactersIn: "\""))
                return value.isEmpty || value.count > 200 ? nil : value
            }
        }
        return nil
    }

    /// Nil when the body is not well-formed multipart for this boundary.
    init?(body: [UInt8], boundary: String) {
        let delimiter = Array("--\(boundary)".utf8)
        var positions: [Int] = []
        var index = 0
        while let found = Self.find(delimiter, in: body, from: index) {
            positions.append(found)
            index = found + delimiter.count
        }
        guard positions.count >= 2 else { return nil }
        for (start, end) in zip(positions, positions.dropFirst()) {
            var partStart = start + delimiter.count
            // Each part begins after the delimiter's line break and ends before the next one's.
            guard partStart + 2 <= end, body[partStart] == 13, body[partStart + 1] == 10 else { return nil }
            partStart += 2
            let partEnd = end - 2
            guard partEnd >= partStart, body[partEnd] == 13, body[partEnd + 1] == 10 else { return nil }
            guard let headerEnd = Self.find([13, 10, 13, 10], in: body, from: partStart), headerEnd <= partEnd else { return nil }
            let headers = String(decoding: body[partStart..<headerEnd], as: UTF8.self)
            let content = Array(body[(headerEnd + 4)..<partEnd])
            guard let disposition = headers.split(separator: "\r\n").first(where: { $0.lowercased().hasPrefix("content-disposition:") }),
                let name = Self.parameter("name", in: disposition)
            else { return nil }
            if let fileName = Self.parameter("filename", in: disposition) {
                files[name] = File(fileName: fileName, data: Data(content))
            } else {
                fields[name] = String(decoding: content, as: UTF8.self)
            }
        }
        return
    }

    private static func parameter(_ name: String, in disposition: Substring) -> String? {
        for piece in disposition.split(separator: ";").dropFirst() {
            let pair = piece.trimmingCharacters(in: .whitespaces).split(separator: "=", maxSplits: 1)
            if pair.count == 2, pair[0].lowercased() == name {
                return String(pair[1]).trimmingCharacters(in: CharacterSet(charactersIn: "\""))
            }
        }
        return nil
    }

    private static func find(_ needle: [UInt8], in haystack: [UInt8], from start: Int) -> Int? {
        guard !needle.isEmpty, haystack.count >= needle.count, start <= haystack.count - needle.count else { return nil }
        var index = start
        let first = needle[0]
        while index <= haystack.count - needle.count {
            if haystack[index] == first, Array(haystack[index..<(index + needle.count)]) == needle { return index }
            index += 1
        }
        return nil
    }
}
