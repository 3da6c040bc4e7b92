import Foundation

/// Reads URL-encoded form fields without decoding into a type: the CSRF
/// check needs one field before any handler runs. Foundation only, so the
/// fuzzer builds it alone.
struct FormFields {
    /// More pairs than any Waymark form has; beyond it the rest are ignored.
    static let maxPairs = 2_000
    private var values: [String: String] = [:]

    init(body: String) {
        for pair in body.split(separator: "&", maxSplits: Self.maxPairs, omittingEmptySubsequences: true).prefix(Self.maxPairs) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard let first = parts.first, let name = Self.decode(first), !name.isEmpty else { continue }
            if values[name] != nil { continue }  // the first of repeated names wins, as a browser sends them in order
            values[name] = parts.count > 1 ? Self.decode(parts[1]) ?? "" : ""
        }
    }

    subscript(name: String) -> String? { values[name] }

    private static func decode(_ text: Substring) -> String? {
        text.replacingOccurrences(of: "+", with: " ").removingPercentEncoding
    }
}
