/// The outcome of reading a file that was readable as a whole: the rows that
/// passed every check, and a problem for each check a row failed.
///
/// The intended policy is all or nothing: when `problems` is not empty the
/// App imports none of `rows`, shows the problems, and asks for a corrected
/// file, so a file is never half applied. `rows` is still filled so that a
/// preview can show what would have been imported.
public struct ImportReading: Hashable, Sendable {
    public let kind: ImportKind
    /// Valid rows, in file order.
    public let rows: [ImportRow]
    /// Every problem in every invalid row, in file order.
    public let problems: [ImportProblem]
    /// Data rows read (valid and invalid, not counting blank rows).
    public let rowsRead: Int
    /// For a CTF, the header's source school; nil for spreadsheets.
    public let sourceSchool: ImportEstablishment?

    public init(
        kind: ImportKind, rows: [ImportRow], problems: [ImportProblem], rowsRead: Int,
        sourceSchool: ImportEstablishment? = nil
    ) {
        self.kind = kind
        self.rows = rows
        self.problems = problems
        self.rowsRead = rowsRead
        self.sourceSchool = sourceSchool
    }

    /// True when every row is valid: the file may be imported.
    public var isClean: Bool { problems.isEmpty }
}
