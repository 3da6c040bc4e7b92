public import WaymarkCore

/// One cell of a table a person will open in a spreadsheet: the CSV and the
/// .xlsx writers take the same cells, so a list's two downloads agree.
public enum SpreadsheetCell: Sendable, Hashable {
    /// Typed by people or read from records: never run as a formula (`CSVText.startsLikeAFormula`).
    case text(String)
    case number(Double)
    /// A percentage as people write it, 61.5 for 61.5%, to one decimal place:
    /// "100.0" in CSV, a number shown as 0.0 in a workbook (so it still sums).
    case percentage(Double)
    /// A day: a real date in a workbook (sorts and filters as one), ISO 8601 in CSV.
    case date(CalendarDate)
    case empty

    public static func integer(_ value: Int) -> SpreadsheetCell { .number(Double(value)) }

    /// Text, or an empty cell when there is none.
    public static func textOrEmpty(_ value: String?) -> SpreadsheetCell { value.map { .text($0) } ?? .empty }

    /// A date, or an empty cell when there is none.
    public static func dateOrEmpty(_ value: CalendarDate?) -> SpreadsheetCell { value.map { .date($0) } ?? .empty }

    /// An ISO date or instant as stored ("2026-03-14" or "2026-03-14T09:30:00Z") as its day; text it cannot read stays text.
    public static func day(iso value: String?) -> SpreadsheetCell {
        guard let value, !value.isEmpty else { return .empty }
        return (try? CalendarDate(iso: String(value.prefix(10)))).map { .date($0) } ?? .text(value)
    }
}

/// A whole table held in memory: a short list (a team, a school's
/// destinations) or one chunk of a long one.
public struct SpreadsheetTable: Sendable, Equatable {
    /// The sheet's name in a workbook.
    public let title: String
    public let columns: [String]
    public let rows: [[SpreadsheetCell]]

    public init(title: String, columns: [String], rows: [[SpreadsheetCell]]) {
        self.title = title
        self.columns = columns
        self.rows = rows
    }
}
