/// An imported file as the imports page lists it.
public struct ImportBatchSummary: Sendable, Equatable {
    public let id: Int64
    public let fileName: String
    public let kind: String
    public let rowsRead: Int
    public let importedAt: String
    public let finished: Bool

    public init(id: Int64, fileName: String, kind: String, rowsRead: Int, importedAt: String, finished: Bool) {
        self.id = id
        self.fileName = fileName
        self.kind = kind
        self.rowsRead = rowsRead
        self.importedAt = importedAt
        self.finished = finished
    }
}
