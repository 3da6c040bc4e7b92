public import Foundation
import WaymarkCore

/// A one-sheet .xlsx workbook: the smallest set of parts Excel, LibreOffice
/// and Numbers open (content types, relationships, workbook, styles, sheet).
/// Text is written as inline strings — never as a formula, and with no
/// shared-strings table that would have to hold every name until the end —
/// numbers as numbers, and dates as day serials in a yyyy-mm-dd format, so
/// they sort, filter and subtract as dates. `WorkbookStream` writes it a
/// batch of rows at a time; `xlsx(sheetName:rows:)` is the same for a short
/// table held in memory.
public enum WorkbookWriter {
    public typealias Cell = SpreadsheetCell

    public static let contentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

    public struct WriteFailure: Error, CustomStringConvertible {
        public let description: String
    }

    /// The workbook's bytes. `sheetName` is cut to Excel's 31 characters and
    /// loses the characters a sheet name may not hold.
    public static func xlsx(sheetName: String, rows: [[Cell]]) throws -> Data {
        let stream = try WorkbookStream(sheetName: sheetName)
        defer { stream.remove() }
        try stream.append(rows)
        let file = try stream.finish()
        do {
            return try Data(contentsOf: file)
        } catch {
            throw WriteFailure(description: "could not read the finished workbook back: \(error)")
        }
    }

    /// A table with its header row in bold and kept in view while scrolling.
    public static func xlsx(_ table: SpreadsheetTable) throws -> Data {
        let stream = try WorkbookStream(sheetName: table.title, header: table.columns)
        defer { stream.remove() }
        try stream.append(table.rows)
        let file = try stream.finish()
        do {
            return try Data(contentsOf: file)
        } catch {
            throw WriteFailure(description: "could not read the finished workbook back: \(error)")
        }
    }

    static let declaration = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"

    static let contentTypes = declaration + """
        <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
        <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
        <Default Extension="xml" ContentType="application/xml"/>\
        <Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>\
        <Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>\
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
        <Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>\
        </Relationships>
        """

    /// The cell formats a sheet refers to by number (`s="…"`).
    enum Style: Int {
        case plain = 0
        case date = 1
        case heading = 2
        /// Text that begins like a formula: Excel's quote prefix keeps it text even when the cell is edited.
        case quoted = 3
        /// A percentage to one decimal place: 61.5, 100.0.
        case tenths = 4
    }

    static let styles = declaration + """
        <styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">\
        <numFmts count="2"><numFmt numFmtId="164" formatCode="yyyy-mm-dd"/><numFmt numFmtId="165" formatCode="0.0"/></numFmts>\
        <fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts>\
        <fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>\
        <borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>\
        <cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>\
        <cellXfs count="5">\
        <xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>\
        <xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>\
        <xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>\
        <xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" quotePrefix="1"/>\
        <xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>\
        </cellXfs>\
        <cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>\
        </styleSheet>
        """

    static func workbook(sheetName: String) -> String {
        declaration + """
            <workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" \
            xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">\
            <sheets><sheet name="\(XMLText.escaped(sheetName))" sheetId="1" r:id="rId1"/></sheets></workbook>
            """
    }

    /// The sheet up to its first row; a frozen header keeps the column names in view.
    static func sheetStart(frozenHeader: Bool) -> String {
        let view = frozenHeader
            ? #"<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>"#
            : ""
        return declaration + #"<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">"# + view + "<sheetData>"
    }

    static let sheetEnd = "</sheetData></worksheet>"

    /// A whole sheet as text (tests; the stream writes the same rows).
    static func sheet(_ rows: [[Cell]]) -> String {
        var xml = sheetStart(frozenHeader: false)
        for (index, row) in rows.enumerated() { appendRow(row, number: index + 1, to: &xml) }
        return xml + sheetEnd
    }

    static func appendRow(_ row: [Cell], number: Int, style: Style? = nil, to xml: inout String) {
        xml += "<row r=\"\(number)\">"
        for (column, cell) in row.enumerated() {
            let reference = columnLetters(column) + String(number)
            switch cell {
            case .text(let text):
                let chosen = style ?? (CSVText.startsLikeAFormula(text) ? .quoted : .plain)
                let attribute = chosen == .plain ? "" : " s=\"\(chosen.rawValue)\""
                xml += "<c r=\"\(reference)\"\(attribute) t=\"inlineStr\"><is><t xml:space=\"preserve\">\(XMLText.escaped(text))</t></is></c>"
            case .number(let value):
                xml += "<c r=\"\(reference)\"><v>\(numberText(value))</v></c>"
            case .percentage(let value):
                xml += "<c r=\"\(reference)\" s=\"\(Style.tenths.rawValue)\"><v>\(numberText((value * 10).rounded() / 10))</v></c>"
            case .date(let date):
                if let serial = serial(date) {
                    xml += "<c r=\"\(reference)\" s=\"\(Style.date.rawValue)\"><v>\(serial)</v></c>"
                } else {
                    xml += "<c r=\"\(reference)\" t=\"inlineStr\"><is><t>\(date.iso)</t></is></c>"
                }
            case .empty:
                break
            }
        }
        xml += "</row>"
    }

    /// Excel's day serial: 25569 is 1970-01-01. Before 1 March 1900 Excel
    /// counts a 29 February 1900 that never was, so such a date stays text.
    static func serial(_ date: CalendarDate) -> Int? {
        let serial = date.dayNumber + 25_569
        return serial >= 61 ? serial : nil
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
