import Foundation

/// Words a person wrote to explain a step (why withdrawn, handed back,
/// reopened; the outcome's summary): present, at least a few words, and not
/// a essay that belongs in the notes.
public struct ReferralReason: Hashable, Sendable {
    public static let minimumCharacters = 10
    public static let maximumCharacters = 1000

    public let text: String

    /// Throws ``ReferralReasonProblem`` naming `field`.
    public init(_ typed: String?, field: String) throws(ReferralReasonProblem) {
        let text = (typed ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty else { throw .missing(field: field) }
        guard text.count >= Self.minimumCharacters else { throw .tooShort(field: field) }
        guard text.count <= Self.maximumCharacters else { throw .tooLong(field: field) }
        self.text = text
    }
}

public enum ReferralReasonProblem: Error, Hashable, Sendable, CustomStringConvertible {
    case missing(field: String)
    case tooShort(field: String)
    case tooLong(field: String)

    public var description: String {
        switch self {
        case .missing(let field): "Enter the \(field)"
        case .tooShort(let field): "Give the \(field) in at least \(ReferralReason.minimumCharacters) characters"
        case .tooLong(let field): "The \(field) must be \(ReferralReason.maximumCharacters) characters or fewer"
        }
    }
}
