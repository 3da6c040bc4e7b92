import Foundation

/// Turns a name as typed into comparable tokens: lower-case ASCII letters,
/// accents and punctuation gone, hyphenated and double-barrelled names split
/// into parts. "Zoë O'Brien-Smith" → ["zoe", "obrien", "smith"].
///
/// Most names are plain ASCII, so those are folded byte by byte; only the
/// rest go through the Unicode tables (a bulk load normalises a million names).
public enum NameNormaliser {
    public static func tokens(_ name: String) -> [String] {
        var tokens: [String] = []
        var current: [UInt8] = []
        current.reserveCapacity(16)
        func finish() {
            if !current.isEmpty {
                tokens.append(String(decoding: current, as: UTF8.self))
                current.removeAll(keepingCapacity: true)
            }
        }
        if name.utf8.allSatisfy({ $0 < 0x80 }) {
            for byte in name.utf8 {
                switch byte {
                case 0x61...0x7A: current.append(byte)
                case 0x41...0x5A: current.append(byte + 32)
                case 0x27, 0x2E: continue  // O'Brien and St. John stay one token
                default: finish()
                }
            }
        } else {
            for scalar in name.unicodeScalars {
                if let folded = fold(scalar) {
                    current.append(contentsOf: folded.utf8)
                } else if scalar == "'" || scalar == "\u{2019}" || scalar == "." || scalar.properties.generalCategory == .nonspacingMark {
                    continue
                } else {
                    finish()
                }
            }
        }
        finish()
        return tokens
    }

    /// The whole name as one key with no separators: "Smith-Jones" → "smithjones".
    public static func joined(_ name: String) -> String {
        tokens(name).joined()
    }

    /// A letter in lower-case ASCII (one or two letters for ß, æ, œ, þ), or nil for anything else.
    static func fold(_ scalar: Unicode.Scalar) -> String? {
        switch scalar.value {
        case 0x61...0x7A: return String(scalar)
        case 0x41...0x5A: return String(Unicode.Scalar(UInt8(scalar.value + 32)))
        case 0...0x7F: return nil
        default: break
        }
        if let mapped = special[scalar] { return mapped }
        guard scalar.properties.isAlphabetic else { return nil }
        // Accented Latin letters decompose into a base letter and combining marks.
        let base = String(scalar).decomposedStringWithCanonicalMapping.unicodeScalars.first
        if let base, base.isASCII, let folded = fold(base) { return folded }
        // Letters of other scripts are kept as they are, so they still compare equal to themselves.
        return String(scalar).lowercased()
    }

    /// Letters that do not decompose into an ASCII base.
    static let special: [Unicode.Scalar: String] = [
        "ß": "ss", "æ": "ae", "Æ": "ae", "œ": "oe", "Œ": "oe", "þ": "th", "Þ": "th", "ð": "d", "Ð": "d", "đ": "d", "Đ": "d",
        "ł": "l", "Ł": "l", "ø": "o", "Ø": "o", "ı": "i", "ħ": "h", "Ħ": "h", "ŧ": "t", "Ŧ": "t",
    ]
}
