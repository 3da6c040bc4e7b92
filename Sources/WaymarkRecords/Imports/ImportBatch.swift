/// A file being imported, and the rows already dealt with.
public struct ImportBatch: Sendable, Equatable {
    public let id: Int64
    public let doneRows: Set<Int>
    public let finished: Bool

    public init(id: Int64, doneRows: Set<Int>, finished: Bool) {
        self.id = id
        self.doneRows = doneRows
        self.finished = finished
    }
}
