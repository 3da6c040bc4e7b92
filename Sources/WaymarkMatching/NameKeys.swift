/// Blocking keys for names: a person is filed under every pair of (family
/// name sound code, given name sound code) they could be looked up by, so a
/// search or a record-linkage pass compares only people who share a pair.
///
/// Given names count with each full form their nickname may stand for
/// (Bill → William); hyphenated and double-barrelled names count part by
/// part; former and alternative names count like the current ones.
public struct NameKey: Hashable, Sendable, Comparable {
    public let family: String
    public let given: String

    public init(family: String, given: String) {
        self.family = family
        self.given = given
    }

    public static func < (left: NameKey, right: NameKey) -> Bool {
        (left.family, left.given) < (right.family, right.given)
    }
}

public enum NameKeys {
    /// Beyond this, a name with many parts adds only noise to the index.
    static let maxCodesPerSide = 8

    /// Every key a stored person is found by. Without a usable given name the
    /// given code is "", so family-name searches still find them.
    public static func keys(givenNames: [String?], familyNames: [String?]) -> [NameKey] {
        let given = codes(givenNames, expand: Nicknames.forms)
        let family = codes(familyNames, expand: { [$0] })
        var keys: [NameKey] = []
        keys.reserveCapacity(given.count * family.count)
        for f in family.isEmpty ? [""] : family {
            for g in given.isEmpty ? [""] : given { keys.append(NameKey(family: f, given: g)) }
        }
        return keys
    }

    /// Codes a typed given name may be filed under: its own and its full forms';
    /// when `tolerant`, also those of near spellings (see `deletionCodes`),
    /// which catch most single typos that change the sound code.
    public static func givenCodes(_ token: String, tolerant: Bool) -> Set<String> {
        var codes = Set(Nicknames.forms(of: token).map(PhoneticCode.of))
        if tolerant { codes.formUnion(deletionCodes(token)) }
        codes.remove("")
        return codes
    }

    /// Codes a typed family name (or one part of it) may be filed under.
    public static func familyCodes(_ token: String, tolerant: Bool) -> Set<String> {
        var codes: Set<String> = [PhoneticCode.of(token)]
        if tolerant { codes.formUnion(deletionCodes(token)) }
        codes.remove("")
        return codes
    }

    /// Tokens that say nothing about who someone is: "de", "van", "al" in "Al-Hassan".
    public static let particles: Set<String> = [
        "de", "da", "del", "della", "der", "den", "di", "du", "la", "le", "van", "von", "al", "el", "bin", "binti", "ibn", "st",
    ]

    /// The meaningful parts of a name: particles go unless nothing else is left.
    public static func parts(_ name: String) -> [String] {
        let tokens = NameNormaliser.tokens(name)
        let kept = tokens.filter { !particles.contains($0) }
        return kept.isEmpty ? tokens : kept
    }

    private static func codes(_ names: [String?], expand: (String) -> [String]) -> [String] {
        var seen = Set<String>()
        var ordered: [String] = []
        for case let name? in names {
            for part in parts(name) {
                for form in expand(part) {
                    let code = PhoneticCode.of(form)
                    if !code.isEmpty, ordered.count < maxCodesPerSide, seen.insert(code).inserted { ordered.append(code) }
                }
            }
        }
        return ordered
    }

    /// Codes of the token with one letter left out, with its first two
    /// letters swapped (the code keeps the first letter, so a slip there
    /// matters most), and with its start not respelt.
    private static func deletionCodes(_ token: String) -> Set<String> {
        let letters = Array(token.utf8)
        guard letters.count >= 2 else { return [] }
        var codes: Set<String> = [
            PhoneticCode.of(letters: letters, respellingTheStart: false),
            PhoneticCode.of(letters: [letters[1], letters[0]] + letters.dropFirst(2)),
        ]
        guard letters.count >= 4 else { return codes }
        for index in letters.indices {
            var shorter = letters
            shorter.remove(at: index)
            codes.insert(PhoneticCode.of(letters: shorter))
        }
        return codes
    }
}
