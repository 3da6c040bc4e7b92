import Foundation

/// Pages of results as opaque cursors: base64url of "kind:number" (a page of
/// a search, or the last row shown of a file). A cursor is read back only
/// for the list it came from; anything else is a 422 naming `cursor`.
enum APICursor {
    static func make(_ kind: String, _ value: Int) -> String {
        Data("\(kind):\(value)".utf8).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }

    /// The number in a cursor of this kind; `fallback` when there is none.
    static func read(_ cursor: String?, kind: String, fallback: Int) throws -> Int {
        guard let cursor else { return fallback }
        var text = cursor.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        while text.count % 4 != 0 { text += "=" }
        guard cursor.count <= 100, let data = Data(base64Encoded: text), let decoded = String(data: data, encoding: .utf8) else { throw invalid }
        let parts = decoded.split(separator: ":")
        guard parts.count == 2, parts[0] == kind, let value = Int(parts[1]), value >= 0, value < 1_000_000_000 else { throw invalid }
        return value
    }

    /// 422, not 400: the text has a cursor's shape (the document's pattern), but this list never gave it.
    static let invalid = APIProblem.invalid(field: "cursor", rule: "cursor", "cursor is not one this list gave: pass back the nextCursor of the page before, unchanged.")
}
