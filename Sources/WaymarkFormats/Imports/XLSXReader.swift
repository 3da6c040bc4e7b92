import Foundation
import ZIPFoundation

/// Reads the first worksheet of an .xlsx workbook into a grid of cell text.
///
/// An .xlsx is a ZIP of XML parts. The first sheet is found as Excel finds
/// it: the first `<sheet>` in xl/workbook.xml, through its relationship in
/// xl/_rels/workbook.xml.rels (falling back to xl/worksheets/sheet1.xml).
/// Text cells usually point into xl/sharedStrings.xml. Every part is parsed
/// as a stream of events, and each is bounded in unzipped size so a zip bomb
/// is refused instead of filling memory.
enum XLSXReader {
    static func grid(_ data: Data, limits: ImportLimits) throws(ImportFileError) -> ImportGrid {
        guard !data.isEmpty else { throw .empty }
        // Every ZIP starts with a local file header, "PK\u{3}\u{4}".
        guard data.starts(with: [0x50, 0x4B, 0x03, 0x04]) else {
            throw .notXLSX(reason: "it is not a ZIP archive (an .xlsx is one); was it saved as .xls or CSV?")
        }
        let file = try XLSXArchiveFile(data)
        defer { file.remove() }
        let archive: Archive
        do {
            archive = try Archive(url: file.url, accessMode: .read)
        } catch {
            throw .notXLSX(reason: "the ZIP archive is damaged (\(error))")
        }
        var workbook: XLSXWorkbook?
        if let workbookData = try part("xl/workbook.xml", in: archive, limits: limits) {
            let relationships = try part("xl/_rels/workbook.xml.rels", in: archive, limits: limits)
            workbook = try XLSXWorkbook.read(workbookData, relationships: relationships)
        }
        let sheetPath = workbook?.firstSheetPath ?? "xl/worksheets/sheet1.xml"
        guard let sheet = try part(sheetPath, in: archive, limits: limits) else {
            throw .notXLSX(reason: "it has no worksheet (\(sheetPath) is missing)")
        }
        var shared: [String] = []
        if let sharedData = try part("xl/sharedStrings.xml", in: archive, limits: limits) {
            shared = try XLSXSharedStrings.read(sharedData, limits: limits)
        }
        var grid = try XLSXSheet.read(sheet, part: sheetPath, sharedStrings: shared, limits: limits)
        grid.date1904 = workbook?.date1904 ?? false
        return grid
    }

    /// One part unzipped, nil when the archive does not have it.
    static func part(_ path: String, in archive: Archive, limits: ImportLimits) throws(ImportFileError) -> Data? {
        guard let entry = archive[path] else { return nil }
        guard entry.uncompressedSize <= UInt64(limits.maxUnzippedBytes) else {
            throw .notXLSX(reason: "\(path) is larger than \(limits.maxUnzippedBytes) bytes unzipped")
        }
        var data = Data()
        do {
            _ = try archive.extract(entry, skipCRC32: false) { chunk in
                data.append(chunk)
                // The central directory can understate the size; stop anyway.
                guard data.count <= limits.maxUnzippedBytes else { throw PartTooLarge() }
            }
        } catch is PartTooLarge {
            throw .notXLSX(reason: "\(path) is larger than \(limits.maxUnzippedBytes) bytes unzipped")
        } catch {
            throw .notXLSX(reason: "\(path) cannot be unzipped (\(error))")
        }
        return data
    }

    struct PartTooLarge: Error {}
}
