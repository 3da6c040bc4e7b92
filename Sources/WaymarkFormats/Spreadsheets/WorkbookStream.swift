public import Foundation
import ZIPFoundation

/// A one-sheet workbook written a batch of rows at a time, so that a list of
/// 250,000 people is never one string or one `Data` in memory.
///
/// ZIPFoundation must be told an entry's size before it deflates it, and a
/// sheet's size is known only once its last row is written: so the sheet's
/// XML goes row batch by row batch to a private temporary file, and `finish`
/// deflates that file into the archive (itself a file) 64 KB at a time. The
/// caller then streams the finished file out and calls `remove`. Both files
/// live in a directory only this user can open, on disk rather than in
/// /dev/shm (which is memory, and the point is to keep memory flat), and are
/// removed by `remove` whether or not the workbook was finished.
public final class WorkbookStream {
    public let sheetName: String
    private let folder: URL
    private let sheetURL: URL
    private let sheet: FileHandle
    private var pending = ""
    private var rowsWritten = 0
    private var finishedURL: URL?
    private var sheetOpen = true

    static let flushAt = 64 * 1024
    static let chunkSize = 64 * 1024

    /// With a header, the first row is the column names, in bold, kept in view while scrolling.
    public init(sheetName: String, header: [String]? = nil) throws {
        self.sheetName = WorkbookWriter.safeSheetName(sheetName)
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("waymark-export-\(UUID().uuidString)", isDirectory: true)
        sheetURL = folder.appendingPathComponent("sheet1.xml")
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: false, attributes: [.posixPermissions: 0o700])
            guard FileManager.default.createFile(atPath: sheetURL.path, contents: nil, attributes: [.posixPermissions: 0o600]) else {
                throw WorkbookWriter.WriteFailure(description: "no room for the sheet")
            }
            sheet = try FileHandle(forWritingTo: sheetURL)
        } catch {
            try? FileManager.default.removeItem(at: folder)
            throw WorkbookWriter.WriteFailure(description: "could not start the workbook: \(error)")
        }
        pending = WorkbookWriter.sheetStart(frozenHeader: header != nil)
        if let header {
            rowsWritten += 1
            WorkbookWriter.appendRow(header.map(SpreadsheetCell.text), number: rowsWritten, style: .heading, to: &pending)
        }
    }

    /// Rows in order after those already written.
    public func append(_ rows: [[SpreadsheetCell]]) throws {
        guard finishedURL == nil else { throw WorkbookWriter.WriteFailure(description: "the workbook is already finished") }
        for row in rows {
            rowsWritten += 1
            WorkbookWriter.appendRow(row, number: rowsWritten, to: &pending)
            if pending.utf8.count >= Self.flushAt { try flush() }
        }
    }

    /// How many rows the sheet holds, the header included.
    public var rowCount: Int { rowsWritten }

    /// Closes the sheet and makes the .xlsx file; its URL, valid until `remove`.
    public func finish() throws -> URL {
        if let finishedURL { return finishedURL }
        pending += WorkbookWriter.sheetEnd
        try flush()
        closeSheet()
        let url = folder.appendingPathComponent("workbook.xlsx")
        do {
            let archive = try Archive(url: url, accessMode: .create)
            for (path, text) in [
                ("[Content_Types].xml", WorkbookWriter.contentTypes),
                ("_rels/.rels", WorkbookWriter.packageRelationships),
                ("xl/workbook.xml", WorkbookWriter.workbook(sheetName: sheetName)),
                ("xl/_rels/workbook.xml.rels", WorkbookWriter.workbookRelationships),
                ("xl/styles.xml", WorkbookWriter.styles),
            ] {
                let bytes = Data(text.utf8)
                try archive.addEntry(
                    with: path, type: .file, uncompressedSize: Int64(bytes.count), compressionMethod: .deflate,
                    provider: { position, size in bytes.subdata(in: Int(position)..<Int(position) + size) })
            }
            let reader = try FileHandle(forReadingFrom: sheetURL)
            defer { try? reader.close() }
            let size = try FileManager.default.attributesOfItem(atPath: sheetURL.path)[.size] as? Int64 ?? 0
            try archive.addEntry(
                with: "xl/worksheets/sheet1.xml", type: .file, uncompressedSize: size, compressionMethod: .deflate,
                bufferSize: Self.chunkSize,
                provider: { position, count in
                    try reader.seek(toOffset: UInt64(position))
                    return try reader.read(upToCount: count) ?? Data()
                })
        } catch {
            throw WorkbookWriter.WriteFailure(description: "could not write the workbook: \(error)")
        }
        try? FileManager.default.removeItem(at: sheetURL)
        finishedURL = url
        return url
    }

    /// Hands the finished workbook's bytes to `write`, 64 KB at a time.
    public func read(_ write: (Data) async throws -> Void) async throws {
        let url = try finish()
        let reader = try FileHandle(forReadingFrom: url)
        defer { try? reader.close() }
        while let chunk = try reader.read(upToCount: Self.chunkSize), !chunk.isEmpty {
            try await write(chunk)
        }
    }

    /// Removes both files and their folder. Safe to call more than once.
    public func remove() {
        closeSheet()
        try? FileManager.default.removeItem(at: folder)
    }

    deinit { remove() }

    private func closeSheet() {
        guard sheetOpen else { return }
        sheetOpen = false
        try? sheet.close()
    }

    private func flush() throws {
        guard !pending.isEmpty else { return }
        do {
            try sheet.write(contentsOf: Data(pending.utf8))
        } catch {
            throw WorkbookWriter.WriteFailure(description: "could not write the sheet: \(error)")
        }
        pending = ""
    }
}
