/// Identifiers in their real shapes, so siblings' numbers look alike the way
/// real ones do.
enum SyntheticIdentifiers {
    static let checkLetters = Array("ABCDEFGHJKLMNPQRTUVWXYZ")

    /// A UPN: check letter, LA (3 digits), school (4), year allocated (2),
    /// serial (3). Children allocated by the same school in the same year
    /// (twins) differ only in the serial.
    static func upn(la: Int, school: Int, year: Int, serial: Int) -> String {
        let digits = String(la % 1000).leftPadded(3) + String(school % 10_000).leftPadded(4) + String(year % 100).leftPadded(2)
            + String(serial % 1000).leftPadded(3)
        return String(checkLetter(digits)) + digits
    }

    /// The DfE check letter: digits weighted 2…13, sum mod 23.
    static func checkLetter(_ digits: String) -> Character {
        var sum = 0
        for (offset, character) in digits.enumerated() { sum += (offset + 2) * (character.wholeNumberValue ?? 0) }
        return checkLetters[sum % 23]
    }

    /// A ten-digit ULN.
    static func uln(_ random: inout SeededGenerator) -> String {
        String(random.int(1...9)) + (0..<9).map { _ in String(random.int(0...9)) }.joined()
    }

    /// One slip in the digits: a digit changed or two neighbours swapped (the check letter kept as typed).
    static func mistype(_ identifier: String, _ random: inout SeededGenerator) -> String {
        var characters = Array(identifier)
        let digitPositions = characters.indices.filter { characters[$0].isNumber }
        guard digitPositions.count >= 2 else { return identifier }
        let at = random.pick(Array(digitPositions.dropLast()))
        if random.chance(0.5), characters[at] != characters[at + 1], characters[at + 1].isNumber {
            characters.swapAt(at, at + 1)
        } else {
            let old = characters[at].wholeNumberValue ?? 0
            characters[at] = Character(String((old + random.int(1...9)) % 10))
        }
        return String(characters)
    }
}
