/// What happens to one class of information about a young person, and when.
public struct RetentionRule: Sendable, Equatable, Codable {
    /// The birthday on which the information is due to go (25: on the 25th birthday).
    public let keepUntilAge: Int
    public let end: RetentionEnd

    public init(keepUntilAge: Int, end: RetentionEnd) {
        self.keepUntilAge = keepUntilAge
        self.end = end
    }
}

/// How information leaves once it is due.
public enum RetentionEnd: String, Sendable, Equatable, Codable, CaseIterable {
    /// Deleted, row and all.
    case erase
    /// Kept without identity, for statistics (the NCCIS figures).
    case anonymise
}
