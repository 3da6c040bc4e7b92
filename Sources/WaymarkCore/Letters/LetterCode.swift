/// The short code printed on a letter, typed by a young person to reach their
/// self-service page: eight characters from an alphabet with no look-alikes
/// (no 0/O, 1/I/L), shown as `ABCD-EFGH`, read back whatever the case and
/// whatever spaces or dashes were typed. 31⁸ ≈ 8.5 × 10¹¹ codes: guessing
/// one of the few thousand live codes is hopeless at the throttle's pace.
public struct LetterCode: Sendable, Hashable, CustomStringConvertible {
    public static let alphabet: [Character] = Array("23456789ABCDEFGHJKMNPQRSTUVWXYZ")
    public static let length = 8
    /// Typed text longer than this is not a code with some spaces in it.
    public static let maxTypedLength = 40

    /// The eight characters, upper case, no separator: what the short link and the store use.
    public let compact: String

    /// A new random code. The generator is the caller's so tests can fix it.
    public static func random<Generator: RandomNumberGenerator>(using generator: inout Generator) -> LetterCode {
        LetterCode(unchecked: String((0..<length).map { _ in alphabet.randomElement(using: &generator)! }))
    }

    private init(unchecked compact: String) {
        self.compact = compact
    }

    /// Reads what someone typed: case, spaces and dashes do not matter.
    public init(typed text: String) throws(LetterCodeProblem) {
        guard text.utf8.count <= Self.maxTypedLength else { throw .notACode }
        let kept = text.uppercased().filter { !$0.isWhitespace && $0 != "-" && $0 != "–" }
        guard !kept.isEmpty else { throw .empty }
        guard kept.count == Self.length else { throw .wrongLength(kept.count) }
        if let stray = kept.first(where: { !Self.alphabet.contains($0) }) { throw .notInAlphabet(stray) }
        compact = kept
    }

    /// `ABCD-EFGH`: two groups of four, easier to copy and to read aloud.
    public var grouped: String { "\(compact.prefix(4))-\(compact.suffix(4))" }

    public var description: String { grouped }
}

/// Why typed text is not a code. The messages say what to type; none says
/// whether some code exists.
public enum LetterCodeProblem: Error, Equatable, Sendable {
    case empty
    case wrongLength(Int)
    case notInAlphabet(Character)
    case notACode

    public var message: String {
        switch self {
        case .empty: "Enter the code from your letter"
        case .wrongLength(let count):
            "The code has 8 letters and numbers (you typed \(count)): type it as it is on your letter, like ABCD-EFGH"
        case .notInAlphabet(let character):
            if "0O".contains(character) { "Codes never use O or 0: check the letter, it may be a D or a Q" }
            else if "1IL".contains(character) { "Codes never use 1, I or L: check the letter, it may be a 7 or a J" }
            else { "The code has only letters and numbers: type it as it is on your letter, like ABCD-EFGH" }
        case .notACode: "The code has 8 letters and numbers: type it as it is on your letter, like ABCD-EFGH"
        }
    }
}
