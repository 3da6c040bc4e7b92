/// The normalised identifiers an LA publishes (as keyed hashes) to the
/// "known elsewhere?" index, so two LAs holding the same young person
/// compute the same message. Each message starts with its kind, so a UPN
/// can never collide with a name (docs/known-elsewhere.md).
///
/// Normalisation: UPN upper case with spaces removed, 13 characters; ULN
/// digits only, 10 of them; names are lower-cased, accents removed
/// (accented Latin letters become their base letter, combining marks are
/// dropped; ß→ss, æ→ae, œ→oe, ø→o, ł→l, đ→d), and everything but letters dropped — spaces, hyphens,
/// apostrophes, full stops — so "Anne-Marie O'Neil" and "anne marie oneil"
/// agree. The given name is the first given name only (schools and
/// colleges disagree about middle names); with the family name and the
/// date of birth it makes one message.
public enum KnownElsewhereIdentifiers {
    public enum Kind: String, Sendable, CaseIterable {
        case upn
        case uln
        case nameAndBirth = "name-dob"
    }

    /// Every message a young person is published under (one to three).
    public static func messages(for identity: YoungPersonIdentity) -> [String] {
        var found: [String] = []
        if let upn = identity.upn.flatMap(upn) { found.append(message(.upn, upn)) }
        if let uln = identity.uln.flatMap(uln) { found.append(message(.uln, uln)) }
        if let named = nameAndBirth(given: identity.givenName, family: identity.familyName, born: identity.dateOfBirth) {
            found.append(message(.nameAndBirth, named))
        }
        return found
    }

    public static func message(_ kind: Kind, _ value: String) -> String { "\(kind.rawValue):\(value)" }

    public static func upn(_ text: String) -> String? {
        let value = String(text.uppercased().unicodeScalars.filter { $0 != " " })
        return value.count == 13 && value.unicodeScalars.allSatisfy({ $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0)) }) ? value : nil
    }

    public static func uln(_ text: String) -> String? {
        let value = String(text.unicodeScalars.filter { !$0.properties.isWhitespace })
        return value.count == 10 && value.unicodeScalars.allSatisfy({ ("0"..."9").contains($0) }) ? value : nil
    }

    public static func nameAndBirth(given: String, family: String, born: CalendarDate) -> String? {
        let first = given.split(whereSeparator: { $0 == " " }).first.map(String.init) ?? ""
        let givenKey = name(first)
        let familyKey = name(family)
        guard !givenKey.isEmpty, !familyKey.isEmpty else { return nil }
        return "\(givenKey)|\(familyKey)|\(born.iso)"
    }

    /// A name folded to lower-case ASCII-ish letters: case, accents, spacing and punctuation do not count.
    public static func name(_ text: String) -> String {
        var out = ""
        for scalar in text.lowercased().accentsFoldedScalars {
            if let spelled = spelledOut[scalar] {
                out += spelled
            } else if scalar.properties.isAlphabetic, scalar.properties.generalCategory != .nonspacingMark {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    static let spelledOut: [Unicode.Scalar: String] = ["ß": "ss", "æ": "ae", "œ": "oe", "ø": "o", "ł": "l", "đ": "d", "ð": "d", "þ": "th"]
}

extension String {
    /// Each accented Latin letter as its base letter; anything else as it is.
    var accentsFoldedScalars: [Unicode.Scalar] {
        var result: [Unicode.Scalar] = []
        for scalar in unicodeScalars {
            result += Self.decompose(scalar)
        }
        return result
    }

    static func decompose(_ scalar: Unicode.Scalar) -> [Unicode.Scalar] {
        // A table rather than Foundation's NFD: Core stays Foundation-free, and
        // the result must be the same on every LA's machine, whatever its ICU.
        if let base = latinBase[scalar] { return [base] }
        return [scalar]
    }

    static let latinBase: [Unicode.Scalar: Unicode.Scalar] = {
        var table: [Unicode.Scalar: Unicode.Scalar] = [:]
        let groups: [(Unicode.Scalar, String)] = [
            ("a", "àáâãäåāăą"), ("c", "çćĉċč"), ("d", "ď"), ("e", "èéêëēĕėęě"), ("g", "ĝğġģ"), ("h", "ĥ"), ("i", "ìíîïĩīĭįı"),
            ("j", "ĵ"), ("k", "ķ"), ("l", "ĺļľŀ"), ("n", "ñńņňŉ"), ("o", "òóôõöōŏő"), ("r", "ŕŗř"), ("s", "śŝşšș"), ("t", "ţťț"),
            ("u", "ùúûüũūŭůűų"), ("w", "ŵ"), ("y", "ýÿŷ"), ("z", "źżž"),
        ]
        for (base, accented) in groups {
            for scalar in accented.unicodeScalars { table[scalar] = base }
        }
        return table
    }()
}
