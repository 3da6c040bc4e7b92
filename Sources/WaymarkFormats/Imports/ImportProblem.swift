/// Why one row cannot be imported: the row, the field, the rule it breaks,
/// and a message a person can act on.
///
/// `description` names the column as the file does: "row 12, DOB:
/// '2009-13-01' is not a real date (YYYY-MM-DD or DD/MM/YYYY)".
public struct ImportProblem: Hashable, Sendable, CustomStringConvertible {
    /// The spreadsheet row (header = row 1) or the CTF pupil's position.
    public let row: Int
    /// The canonical column name (or CTF element) at fault, for programs.
    public let field: String
    /// The column as the file's header names it ("DOB", "Date of birth"), for people.
    public let column: String
    /// A short stable name for the rule, e.g. "required", "date", "upn-check-letter".
    public let rule: String
    /// What is wrong and what is expected, quoting the value.
    public let message: String
    /// "row" for spreadsheets, "pupil" for a CTF.
    public let unit: String

    public init(row: Int, field: String, column: String? = nil, rule: String, message: String, unit: String = "row") {
        self.row = row
        self.field = field
        self.column = column ?? field
        self.rule = rule
        self.message = message
        self.unit = unit
    }

    public var description: String { "\(unit) \(row), \(column): \(message)" }
}
