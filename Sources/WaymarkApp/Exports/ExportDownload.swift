public import Foundation
import WaymarkCore
import WaymarkFormats

/// A table or list as a file to download, written while it is sent: the
/// rows are read from the store a chunk at a time and go straight into the
/// CSV or the workbook's sheet, so neither the rows nor the file is held in
/// memory whole. A use case makes one after its permission check and, when
/// the list names people, after its audit event is written.
public struct ExportDownload: Sendable {
    /// Hands chunks of rows, in order, to the writer.
    typealias Rows = @Sendable (_ emit: ([[SpreadsheetCell]]) async throws -> Void) async throws -> Void

    public let format: ExportFormat
    /// With its extension, e.g. "queue-not-known-2026-11-18.xlsx".
    public let fileName: String
    /// Rows the file holds below its header (people, appointments, lines of a table).
    public let rowCount: Int
    let sheetName: String
    let columns: [String]
    let rows: Rows

    init(format: ExportFormat, fileStem: String, sheetName: String, columns: [String], rowCount: Int, rows: @escaping Rows) {
        self.format = format
        fileName = Self.safeFileName(fileStem) + "." + format.rawValue
        self.sheetName = sheetName
        self.columns = columns
        self.rowCount = rowCount
        self.rows = rows
    }

    /// A table already in memory.
    init(_ table: SpreadsheetTable, format: ExportFormat, fileStem: String) {
        self.init(format: format, fileStem: fileStem, sheetName: table.title, columns: table.columns, rowCount: table.rows.count) { emit in
            try await emit(table.rows)
        }
    }

    public var contentType: String { format.contentType }

    /// Hands the file's bytes to `write`, a piece at a time.
    public func write(_ write: (Data) async throws -> Void) async throws {
        switch format {
        case .csv:
            try await write(Data(CSVTableWriter.header(columns).utf8))
            try await rows { chunk in try await write(Data(CSVTableWriter.lines(chunk).utf8)) }
        case .xlsx:
            let stream = try WorkbookStream(sheetName: sheetName, header: columns)
            defer { stream.remove() }
            try await rows { chunk in try stream.append(chunk) }
            try await stream.read(write)
        }
    }

    /// The whole file at once, for tests and short tables.
    public func data() async throws -> Data {
        var data = Data()
        try await write { data.append($0) }
        return data
    }

    /// Letters, digits and hyphens: a file name that needs no quoting in a header and no escaping on any disk.
    static func safeFileName(_ stem: String) -> String {
        let kept = stem.lowercased().unicodeScalars.map { scalar -> Character in
            (scalar.isASCII && (CharacterSet.alphanumerics.contains(scalar) || scalar == "-")) ? Character(scalar) : "-"
        }
        let collapsed = String(kept).split(separator: "-", omittingEmptySubsequences: true).joined(separator: "-")
        return collapsed.isEmpty ? "export" : collapsed
    }

    /// "caseload-2026-11-18": a file's stem with the day it was made.
    static func stem(_ name: String, on now: Date) -> String {
        "\(name)-\(CalendarDate.today(from: now).iso)"
    }
}
