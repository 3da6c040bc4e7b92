/// Why a worker needs information their role does not normally show. It is
/// read by the data-protection reviewer and the young person's adviser, so
/// it must say what happened, not just "urgent": at least a short sentence.
public struct BreakGlassReason: Sendable, Equatable {
    public let text: String

    /// About the shortest sentence that says what happened and why ("Police called: missing since Friday").
    public static let minimumCharacters = 20
    public static let minimumWords = 3
    public static let maximumCharacters = 1000

    public init(_ typed: String?) throws(BreakGlassReasonProblem) {
        let trimmed = String((typed ?? "").drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())
        guard !trimmed.isEmpty else { throw .missing }
        guard trimmed.count <= Self.maximumCharacters else { throw .tooLong(characters: trimmed.count) }
        let words = trimmed.split(whereSeparator: { $0.isWhitespace }).count
        guard trimmed.count >= Self.minimumCharacters, words >= Self.minimumWords else { throw .tooShort }
        text = trimmed
    }
}

public enum BreakGlassReasonProblem: Error, Equatable, CustomStringConvertible {
    case missing
    case tooShort
    case tooLong(characters: Int)

    public var description: String {
        switch self {
        case .missing:
            "Enter why you need the restricted information now"
        case .tooShort:
            "Give the reason in at least a sentence: what has happened and why you need the restricted information now"
        case .tooLong(let characters):
            "The reason must be \(BreakGlassReason.maximumCharacters) characters or fewer (it has \(characters))"
        }
    }
}
