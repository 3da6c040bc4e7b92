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
        let bytes = [UInt8](data)
        let file = try XLSXArchiveFile(data)
        defer { file.remove() }
        let archive: Archive
        do {
            archive = try Archive(url: file.url, accessMode: .read)
        } catch {
            throw .notXLSX(reason: "the ZIP archive is damaged (\(error))")
        }
        var workbook: XLSXWorkbook?
        if let workbookData = try part("xl/workbook.xml", in: archive, bytes: bytes, limits: limits) {
            let relationships = try part("xl/_rels/workbook.xml.rels", in: archive, bytes: bytes, limits: limits)
            workbook = try XLSXWorkbook.read(workbookData, relationships: relationships)
        }
        let sheetPath = workbook?.firstSheetPath ?? "xl/worksheets/sheet1.xml"
        guard let sheet = try part(sheetPath, in: archive, bytes: bytes, limits: limits) else {
            throw .notXLSX(reason: "it has no worksheet (\(sheetPath) is missing)")
        }
        var shared: [String] = []
        if let sharedData = try part("xl/sharedStrings.xml", in: archive, bytes: bytes, limits: limits) {
            shared = try XLSXSharedStrings.read(sharedData, limits: limits)
        }
        var grid = try XLSXSheet.read(sheet, part: sheetPath, sharedStrings: shared, limits: limits)
        grid.date1904 = workbook?.date1904 ?? false
        return grid
    }

    /// One part unzipped, nil when the archive does not have it. ZIPFoundation
    /// finds the entry; its bytes are inflated here, from the upload itself,
    /// so that a stream that never ends stops at the end of the entry.
    static func part(_ path: String, in archive: Archive, bytes: [UInt8], limits: ImportLimits) throws(ImportFileError) -> Data? {
        guard let entry = archive[path] else { return nil }
        guard entry.uncompressedSize <= UInt64(limits.maxUnzippedBytes) else {
            throw .notXLSX(reason: "\(path) is larger than \(limits.maxUnzippedBytes) bytes unzipped")
        }
        guard let range = ZIPEntryBytes.range(of: path, in: bytes) else {
            throw .notXLSX(reason: "\(path) lies outside the file (the ZIP archive is damaged)")
        }
        guard entry.isCompressed else {
            guard UInt64(range.count) == entry.uncompressedSize else { throw .notXLSX(reason: "\(path) is cut short") }
            return Data(bytes[range])
        }
        var data = Data()
        var position = range.lowerBound
        do {
            let checksum = try Data.decompress(
                size: Int64(range.count), bufferSize: 16_384, skipCRC32: false,
                provider: { _, size in
                    guard position < range.upperBound else { throw PartCutShort() }
                    var chunk = Data(bytes[position..<min(position + size, range.upperBound)])
                    position += chunk.count
                    // The inflater is told every chunk is `size` bytes long; the checksum catches what padding adds.
                    chunk.append(Data(count: size - chunk.count))
                    return chunk
                },
                consumer: { chunk in
                    data.append(chunk)
                    // The central directory can understate the size; stop anyway.
                    guard data.count <= limits.maxUnzippedBytes else { throw PartTooLarge() }
                })
            guard checksum == entry.checksum else { throw PartCutShort() }
        } catch is PartTooLarge {
            throw .notXLSX(reason: "\(path) is larger than \(limits.maxUnzippedBytes) bytes unzipped")
        } catch {
            throw .notXLSX(reason: "\(path) cannot be unzipped (\(error))")
        }
        return data
    }

    struct PartCutShort: Error {}
    struct PartTooLarge: Error {}
}
