/// Text made safe for XML 1.0 element content and attribute values, and so
/// for HTML and SVG too: the NCCIS return, workbooks, charts and the subject
/// access document all escape through here.
public enum XMLText {
    /// Escapes markup characters and drops characters XML 1.0 cannot carry
    /// (control characters from a pasted spreadsheet would make the whole file
    /// unreadable to the Department's checker).
    public static func escaped(_ text: String) -> String {
        if !text.utf8.contains(where: needsAttention) { return text }
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&apos;"
            default:
                if isAllowed(scalar) { result.unicodeScalars.append(scalar) }
            }
        }
        return result
    }

    /// Markup characters and ASCII control characters; everything else passes through as it is.
    private static func needsAttention(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "&"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "\""), UInt8(ascii: "'"): true
        case 0x7F: true
        case 0xEF: true  // U+FFFE and U+FFFF are encoded with a leading 0xEF; check those strings in full
        default: byte < 0x20
        }
    }

    private static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x9, 0xA, 0xD: true
        case 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: true
        default: false
        }
    }
}
