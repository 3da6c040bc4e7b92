/// Why a whole file cannot be read. Nothing in such a file is imported; the
/// message says what to fix.
public enum ImportFileError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The file has no bytes, or no header row.
    case empty
    /// A byte that is not UTF-8, with its offset from 0 and its line.
    case notUTF8(offset: Int, line: Int, byte: UInt8)
    /// Broken CSV quoting.
    case malformedCSV(line: Int, reason: String)
    /// Required columns the header lacks, each with the headers accepted for it.
    case missingColumns([MissingColumn])
    /// Two headers that name the same field.
    case duplicatedHeader(field: String, first: String, second: String)
    /// A cell longer than the limit.
    case cellTooLong(row: Int, column: String, characters: Int, limit: Int)
    /// More data rows than the limit.
    case tooManyRows(limit: Int)
    /// An XLSX sheet that would hold more cells than the limit, found at this row and column.
    case tooManyCells(row: Int, column: String, limit: Int)
    /// An .xlsx that is not a readable ZIP, or lacks a worksheet.
    case notXLSX(reason: String)
    /// XML that is not well formed, in the named part (the CTF itself, or a part of an XLSX).
    case malformedXML(part: String, line: Int, column: Int, reason: String)
    /// Well-formed XML that is not a Common Transfer File.
    case notCTF(reason: String)
    /// The kind cannot be read from this format (a CTF kind given a CSV, say).
    case wrongFormat(reason: String)

    /// A required column that is absent.
    public struct MissingColumn: Hashable, Sendable {
        public let field: String
        public let acceptedHeaders: [String]

        public init(field: String, acceptedHeaders: [String]) {
            self.field = field
            self.acceptedHeaders = acceptedHeaders
        }
    }

    public var description: String {
        switch self {
        case .empty:
            return "the file is empty: a header row naming the columns is needed"
        case .notUTF8(let offset, let line, let byte):
            let hex = "0x" + String(byte, radix: 16, uppercase: true)
            let hint =
                offset < 2 && (byte == 0xFF || byte == 0xFE)
                ? " (it looks like UTF-16)" : " (perhaps Latin-1 or Windows-1252)"
            return "line \(line): the file is not UTF-8: byte \(hex) at offset \(offset) is not valid UTF-8\(hint); "
                + "save it as \"CSV UTF-8\" and try again"
        case .malformedCSV(let line, let reason):
            return "line \(line): \(reason)"
        case .missingColumns(let columns):
            let parts = columns.map { column in
                "\(column.field) (accepted headers: \(column.acceptedHeaders.joined(separator: ", ")))"
            }
            return "missing required column\(columns.count == 1 ? "" : "s"): \(parts.joined(separator: "; "))"
        case .duplicatedHeader(let field, let first, let second):
            return "columns '\(first)' and '\(second)' both mean \(field): keep one of them"
        case .cellTooLong(let row, let column, let characters, let limit):
            return "row \(row), column '\(column)': \(Self.grouped(characters)) characters, the limit is \(Self.grouped(limit))"
        case .tooManyRows(let limit):
            return "the file has more than \(Self.grouped(limit)) rows: split it into smaller files"
        case .tooManyCells(let row, let column, let limit):
            return "row \(row), column \(column): the sheet holds more than \(Self.grouped(limit)) cells, counting the empty "
                + "cells left of filled ones: delete unused columns and rows, or split the file"
        case .notXLSX(let reason):
            return "not a readable .xlsx workbook: \(reason)"
        case .malformedXML(let part, let line, let column, let reason):
            return "\(part): line \(line), column \(column): \(reason)"
        case .notCTF(let reason):
            return "not a Common Transfer File: \(reason)"
        case .wrongFormat(let reason):
            return reason
        }
    }

    /// 100000 → "100,000".
    static func grouped(_ number: Int) -> String {
        let digits = Array(String(number))
        var out = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { out.append(",") }
            out.append(digit)
        }
        return out
    }
}
