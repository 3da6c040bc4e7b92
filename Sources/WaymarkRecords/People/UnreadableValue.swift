/// A stored value the domain refuses: which table, row and column, and why.
/// Carries no personal data, so it can be logged and shown in reports.
public struct UnreadableValue: Sendable, Equatable, Codable, CustomStringConvertible {
    public let table: String
    public let rowID: Int64
    public let reason: String

    public var description: String { "\(table) row \(rowID): \(reason)" }

    public init(table: String, rowID: Int64, reason: String) {
        self.table = table
        self.rowID = rowID
        self.reason = reason
    }
}
