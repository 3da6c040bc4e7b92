/// The parts of a UK postcode that outreach plans by. A sector ("LS6 2") is
/// a few hundred addresses, a street or two: the unit an adviser can knock on
/// doors in one afternoon.
public enum PostcodeParts {
    /// Upper case with every space removed: how a postcode is matched, whatever spacing a file or a person used.
    public static func key(_ postcode: String) -> String {
        String(postcode.uppercased().filter { !$0.isWhitespace })
    }

    /// "ls6 2ab" → "LS6 2": the outward code and the inward code's digit.
    /// Nil for text too short to be a postcode, or whose inward code does not start with a digit.
    public static func sector(of postcode: String) -> String? {
        let compact = Array(key(postcode))
        guard (5...7).contains(compact.count), compact.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }) else { return nil }
        let inward = compact.suffix(3)
        guard let digit = inward.first, digit.isASCIIDigit, inward.dropFirst().allSatisfy(\.isLetter) else { return nil }
        return String(compact.dropLast(3)) + " " + String(digit)
    }

    /// A sector as a person typed it ("ls6  2") in the form ``sector(of:)`` gives, or nil if it is not one.
    public static func normalisedSector(_ text: String) -> String? {
        let words = text.uppercased().split(whereSeparator: \.isWhitespace)
        guard words.count == 2, (2...4).contains(words[0].count), words[0].allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }),
            words[0].first?.isLetter == true, words[1].count == 1, words[1].first?.isASCIIDigit == true
        else { return nil }
        return "\(words[0]) \(words[1])"
    }
}
