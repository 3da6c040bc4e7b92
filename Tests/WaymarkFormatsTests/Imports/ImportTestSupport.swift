import Foundation
import WaymarkCore
import WaymarkFormats
import ZIPFoundation

/// Helpers for the import tests. Every person here is invented.
enum ImportTestSupport {
    static func csv(_ text: String, _ kind: ImportKind, limits: ImportLimits = .standard) throws(ImportFileError) -> ImportReading {
        try ImportReader.csv(Array(text.utf8), kind: kind, limits: limits)
    }

    /// The thrown file error, or nil when the file was read.
    static func fileError(_ read: () throws(ImportFileError) -> ImportReading) -> ImportFileError? {
        do {
            _ = try read()
            return nil
        } catch {
            return error
        }
    }

    static func fixture(_ name: String) throws -> Data {
        guard let url = Bundle.module.url(forResource: name, withExtension: nil, subdirectory: "ImportFixtures") else {
            throw CocoaError(.fileNoSuchFile)
        }
        return try Data(contentsOf: url)
    }

    static func date(_ iso: String) -> CalendarDate {
        // Test constants are known to be real dates.
        (try? CalendarDate(iso: iso)) ?? CalendarDate(dayNumber: 0)
    }
}

/// A cell for the test XLSX writer.
enum XLSXCell {
    /// Written as a shared string (t="s"), as Excel does.
    case text(String)
    /// Written inline (t="inlineStr"), as some exporters do.
    case inline(String)
    case number(String)
    case empty
}

/// Writes a minimal but real .xlsx (workbook, relationships, shared strings,
/// one sheet), deflated, so the reader is tested on the bytes Excel produces
/// rather than on a committed binary.
enum XLSXWriter {
    static func workbook(_ rows: [[XLSXCell]], sheetPath: String = "xl/worksheets/sheet1.xml", date1904: Bool = false) throws -> Data {
        var shared: [String] = []
        var sheet = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#
        sheet += #"<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>"#
        for (rowIndex, row) in rows.enumerated() {
            sheet += #"<row r="\#(rowIndex + 1)">"#
            for (columnIndex, cell) in row.enumerated() {
                let ref = letters(columnIndex) + String(rowIndex + 1)
                switch cell {
                case .text(let text):
                    shared.append(text)
                    sheet += #"<c r="\#(ref)" t="s"><v>\#(shared.count - 1)</v></c>"#
                case .inline(let text):
                    sheet += #"<c r="\#(ref)" t="inlineStr"><is><t>\#(escape(text))</t></is></c>"#
                case .number(let number):
                    sheet += #"<c r="\#(ref)"><v>\#(number)</v></c>"#
                case .empty:
                    break
                }
            }
            sheet += "</row>"
        }
        sheet += "</sheetData></worksheet>"
        var strings = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#
        strings += #"<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="\#(shared.count)">"#
        strings += shared.map { "<si><t>\(escape($0))</t></si>" }.joined() + "</sst>"
        let workbook = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" \
            xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">\
            <workbookPr date1904="\(date1904 ? 1 : 0)"/><sheets><sheet name="Leavers" sheetId="1" r:id="rId1"/></sheets></workbook>
            """
        let target = sheetPath.hasPrefix("xl/") ? String(sheetPath.dropFirst(3)) : "/" + sheetPath
        let rels = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
            <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" \
            Target="\(target)"/></Relationships>
            """
        return try zip([
            ("[Content_Types].xml", #"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>"#),
            ("xl/workbook.xml", workbook),
            ("xl/_rels/workbook.xml.rels", rels),
            ("xl/sharedStrings.xml", strings),
            (sheetPath, sheet),
        ])
    }

    /// A ZIP of the given text parts.
    static func zip(_ parts: [(path: String, text: String)]) throws -> Data {
        let archive = try Archive(data: Data(), accessMode: .create)
        for part in parts {
            let data = Data(part.text.utf8)
            try archive.addEntry(
                with: part.path, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate,
                provider: { position, size in data.subdata(in: Int(position)..<Int(position) + size) })
        }
        guard let data = archive.data else { throw CocoaError(.fileWriteUnknown) }
        return data
    }

    static func letters(_ index: Int) -> String {
        var number = index + 1
        var out = ""
        while number > 0 {
            out = String(UnicodeScalar(UInt8(65 + (number - 1) % 26))) + out
            number = (number - 1) / 26
        }
        return out
    }

    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
    }
}
