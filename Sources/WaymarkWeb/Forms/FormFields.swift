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

    /// "+" as a space, then percent escapes, as Foundation's
    /// `replacingOccurrences(of: "+", with: " ").removingPercentEncoding`
    /// reads them (nil for a broken escape or bytes that are not UTF-8), but
    /// on the bytes: Foundation's NSString round trips were most of the cost
    /// of the CSRF check every POST goes through.
    static func decode(_ text: Substring) -> String? {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        var rest = text.utf8.makeIterator()
        while let byte = rest.next() {
            switch byte {
            case UInt8(ascii: "+"): bytes.append(UInt8(ascii: " "))
            case UInt8(ascii: "%"):
                guard let high = rest.next().flatMap(hexValue), let low = rest.next().flatMap(hexValue) else { return nil }
                bytes.append(high << 4 | low)
            default: bytes.append(byte)
            }
        }
        return String(validating: bytes, as: UTF8.self)
    }

    private static func hexValue(_ digit: UInt8) -> UInt8? {
        switch digit {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): digit - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): digit - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): digit - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
