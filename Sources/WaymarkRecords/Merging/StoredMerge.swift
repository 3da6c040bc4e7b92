/// Merges as the pages show them.
public struct StoredMerge: Sendable, Equatable, Identifiable {
    public let id: Int64
    public let keptPersonID: Int64
    public let mergedPersonID: Int64
    public let movedRows: Int
    public let mergedAt: String
    public let undoneAt: String?

    public init(id: Int64, keptPersonID: Int64, mergedPersonID: Int64, movedRows: Int, mergedAt: String, undoneAt: String?) {
        self.id = id
        self.keptPersonID = keptPersonID
        self.mergedPersonID = mergedPersonID
        self.movedRows = movedRows
        self.mergedAt = mergedAt
        self.undoneAt = undoneAt
    }
}
