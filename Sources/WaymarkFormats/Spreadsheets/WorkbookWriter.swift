public import Foundation
import WaymarkCore
import ZIPFoundation

/// Writes a one-sheet .xlsx workbook: the smallest set of parts Excel,
/// LibreOffice and Numbers open (content types, relationships, workbook,
/// sheet), text as inline strings and numbers as numbers, no styles. Enough
/// for a table someone will sort, chart or paste into a governors' report.
public enum WorkbookWriter {
    public enum Cell: Sendable, Equatable {
        case text(String)
        case number(Double)

        public static func integer(_ value: Int) -> Cell { .number(Double(value)) }
    }

    public struct WriteFailure: Error, CustomStringConvertible {
        public let description: String
    }

    /// The workbook's bytes. `sheetName` is cut to Excel's 31 characters and
    /// loses the characters a sheet name may not hold.
    public static func xlsx(sheetName: String, rows: [[Cell]]) throws -> Data {
        let archive: Archive
        do {
            archive = try Archive(data: Data(), accessMode: .create)
        } catch {
            throw WriteFailure(description: "could not start the workbook: \(error)")
        }
        let parts = [
            ("[Content_Types].xml", contentTypes),
            ("_rels/.rels", packageRelationships),
            ("xl/workbook.xml", workbook(sheetName: safeSheetName(sheetName))),
            ("xl/_rels/workbook.xml.rels", workbookRelationships),
            ("xl/worksheets/sheet1.xml", sheet(rows)),
        ]
        for (path, text) in parts {
            let bytes = Data(text.utf8)
            do {
                try archive.addEntry(
                    with: path, type: .file, uncompressedSize: Int64(bytes.count), compressionMethod: .deflate,
                    provider: { position, size in bytes.subdata(in: Int(position)..<Int(position) + size) })
            } catch {
                throw WriteFailure(description: "could not add \(path) to the workbook: \(error)")
            }
        }
        guard let data = archive.data else { throw WriteFailure(description: "the workbook came out empty") }
        return data
    }

    static let declaration = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"

    static let contentTypes = declaration + """
        <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
        <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
        <Default Extension="xml" ContentType="application/xml"/>\
        <Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>\
        <Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>\
        </Types>
        """

    static let packageRelationships = declaration + """
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
        <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>\
        </Relationships>
        """

    static let workbookRelationships = declaration + """
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
        <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>\
        </Relationships>
        """

    static func workbook(sheetName: String) -> String {
        declaration + """
            <workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" \
            xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">\
            <sheets><sheet name="\(XMLText.escaped(sheetName))" sheetId="1" r:id="rId1"/></sheets></workbook>
            """
    }

    static func sheet(_ rows: [[Cell]]) -> String {
        var xml = declaration + #"<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>"#
        for (index, row) in rows.enumerated() {
            let number = index + 1
            xml += "<row r=\"\(number)\">"
            for (column, cell) in row.enumerated() {
                let reference = columnLetters(column) + String(number)
                switch cell {
                case .text(let text):
                    xml += "<c r=\"\(reference)\" t=\"inlineStr\"><is><t xml:space=\"preserve\">\(XMLText.escaped(text))</t></is></c>"
                case .number(let value):
                    xml += "<c r=\"\(reference)\"><v>\(numberText(value))</v></c>"
                }
            }
            xml += "</row>"
        }
        return xml + "</sheetData></worksheet>"
    }

    /// A whole number without a decimal point; anything else as Swift prints it (shortest round-trip form).
    static func numberText(_ value: Double) -> String {
        guard value.isFinite else { return "0" }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return String(value)
    }

    /// Column letters: 0 → "A", 26 → "AA".
    static func columnLetters(_ index: Int) -> String {
        var number = index + 1
        var letters = ""
        while number > 0 {
            let remainder = (number - 1) % 26
            letters = String(UnicodeScalar(UInt8(65 + remainder))) + letters
            number = (number - 1) / 26
        }
        return letters
    }


    /// Excel refuses a sheet name over 31 characters or holding : \ / ? * [ ].
    static func safeSheetName(_ name: String) -> String {
        let cleaned = String(name.filter { !":\\/?*[]".contains($0) }.prefix(31))
        return cleaned.isEmpty ? "Sheet1" : cleaned
    }
}
