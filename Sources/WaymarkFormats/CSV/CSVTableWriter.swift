import Foundation
import WaymarkCore

/// A table as CSV for a spreadsheet: RFC 4180 (CRLF, quotes doubled), UTF-8
/// after a byte order mark — without it Excel reads the file as the
/// computer's old code page and "Zoë" comes out as "ZoÃ«" — with text that
/// looks like a formula written after an apostrophe, numbers as digits and
/// dates as ISO 8601, which Excel and LibreOffice both open as dates.
public enum CSVTableWriter {
    public static let byteOrderMark = "\u{FEFF}"

    /// The start of the file: the mark and the header line.
    public static func header(_ columns: [String]) -> String {
        byteOrderMark + CSVText.line(columns.map(CSVText.spreadsheetText)) + CSVText.lineEnding
    }

    /// Rows as lines, each ended CRLF.
    public static func lines(_ rows: [[SpreadsheetCell]]) -> String {
        var text = ""
        for row in rows { text += CSVText.line(row.map(field)) + CSVText.lineEnding }
        return text
    }

    /// A whole table at once, for short lists.
    public static func document(_ table: SpreadsheetTable) -> String {
        header(table.columns) + lines(table.rows)
    }

    static func field(_ cell: SpreadsheetCell) -> String {
        switch cell {
        case .text(let text): CSVText.spreadsheetText(text)
        case .number(let value): WorkbookWriter.numberText(value)
        case .percentage(let value): value.isFinite ? String(format: "%.1f", value) : ""
        case .date(let date): date.iso
        case .empty: ""
        }
    }
}
