public import Foundation

/// The entry point for reading import files. Pure: it is handed the bytes
/// and returns typed rows; matching people and applying changes is the App's.
///
/// ```swift
/// let reading = try ImportReader.read(data, format: .csv, kind: .collegeEnrolments)
/// if reading.isClean { apply(reading.rows) } else { show(reading.problems) }
/// ```
///
/// A thrown `ImportFileError` means the file cannot be read as a whole; a
/// reading with problems means some rows are invalid. Either way the intended
/// policy is to import nothing until the file is corrected.
public enum ImportReader {
    /// Reads a file of the given format. `.ctf` ignores `kind` (always `.ctf`).
    public static func read(
        _ data: Data, format: ImportFormat, kind: ImportKind, limits: ImportLimits = .standard
    ) throws(ImportFileError) -> ImportReading {
        switch format {
        case .csv: try csv(Array(data), kind: kind, limits: limits)
        case .xlsx: try xlsx(data, kind: kind, limits: limits)
        case .ctf: try CTFReader.read(data, limits: limits)
        }
    }

    /// Reads a CSV template: UTF-8 (a byte-order mark is allowed), RFC 4180
    /// quoting, a header row naming the columns.
    public static func csv(_ bytes: [UInt8], kind: ImportKind, limits: ImportLimits = .standard) throws(ImportFileError) -> ImportReading {
        guard !bytes.isEmpty else { throw .empty }
        if let bad = UTF8Check.firstInvalidByte(bytes) {
            throw .notUTF8(offset: bad.offset, line: bad.line, byte: bytes[bad.offset])
        }
        let records: [[String]]
        do {
            records = try CSVReader.records(bytes, keepingBlankLines: true, maxFields: limits.maxCells)
        } catch {
            throw .malformedCSV(line: error.line, reason: error.message)
        }
        let grid = ImportGrid(rows: records.enumerated().map { ImportGrid.Row(number: $0.offset + 1, cells: $0.element) })
        return try TemplateReader.read(grid, kind: kind, limits: limits)
    }

    /// Reads the first worksheet of an .xlsx workbook as a template.
    public static func xlsx(_ data: Data, kind: ImportKind, limits: ImportLimits = .standard) throws(ImportFileError) -> ImportReading {
        let grid = try XLSXReader.grid(data, limits: limits)
        return try TemplateReader.read(grid, kind: kind, limits: limits)
    }
}

/// How a file is written.
public enum ImportFormat: String, CaseIterable, Hashable, Sendable {
    case csv, xlsx, ctf

    /// The format a file name suggests (".csv", ".xlsx", ".xml"), nil for others.
    public init?(fileName: String) {
        switch fileName.split(separator: ".").last?.lowercased() {
        case "csv", "txt": self = .csv
        case "xlsx": self = .xlsx
        case "xml": self = .ctf
        default: return nil
        }
    }
}
