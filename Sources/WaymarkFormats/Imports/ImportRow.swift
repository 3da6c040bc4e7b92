/// One valid row of an import: who, what happened, and the raw cells for
/// showing in an exception queue when the person cannot be matched.
public struct ImportRow: Hashable, Sendable {
    /// The row as a person counts rows in a spreadsheet (the header is row 1,
    /// blank lines count); for a CTF, the pupil's position (the first is 1).
    public let row: Int
    public let identity: ImportIdentity
    public let event: ImportEvent
    /// Every cell of the row as the file had it, in file order.
    public let raw: [ImportRawCell]

    public init(row: Int, identity: ImportIdentity, event: ImportEvent, raw: [ImportRawCell]) {
        self.row = row
        self.identity = identity
        self.event = event
        self.raw = raw
    }
}

/// A cell as read, before any checking.
public struct ImportRawCell: Hashable, Sendable {
    /// The file's own header (for a CTF, the element path such as "BasicDetails/MiddleNames").
    public let header: String
    /// The template column it filled, nil when the column is not part of the template.
    public let field: ImportField?
    public let value: String

    public init(header: String, field: ImportField?, value: String) {
        self.header = header
        self.field = field
        self.value = value
    }
}
