import Foundation
import Testing
import WaymarkFormats

/// Sheets written to break the reader: numbers at the edge of Int, row
/// numbers at Int.max, and cell references far to the right that would make
/// a small file ask for gigabytes. Each is a clear refusal, never a crash.
@Suite struct XLSXHostileSheetTests {
    typealias T = ImportTestSupport

    static let header = #"<row r="1"><c r="A1" t="inlineStr"><is><t>Surname</t></is></c><c r="B1" t="inlineStr"><is><t>Forename</t></is></c>"#
        + #"<c r="C1" t="inlineStr"><is><t>DOB</t></is></c><c r="D1" t="inlineStr"><is><t>Claim date</t></is></c></row>"#

    /// A workbook whose only part is a sheet with these rows.
    static func sheet(_ rows: String) throws -> Data {
        try XLSXWriter.zip([
            ("xl/worksheets/sheet1.xml", "<worksheet><sheetData>\(rows)</sheetData></worksheet>")
        ])
    }

    static func claimant(row: Int, dob: String) -> String {
        #"<row r="\#(row)"><c r="A\#(row)" t="inlineStr"><is><t>Ravensworth</t></is></c><c r="B\#(row)" t="inlineStr"><is><t>Ellis</t></is></c>"#
            + #"<c r="C\#(row)"><v>\#(dob)</v></c><c r="D\#(row)"><v>44866</v></c></row>"#
    }

    @Test(arguments: ["1e19", "-1e19", "9.3e18", "1e308", "-0.5", "60.9"])
    func aDateSerialOutsideExcelsRangeIsARowProblem(serial: String) throws {
        let reading = try ImportReader.xlsx(try Self.sheet(Self.header + Self.claimant(row: 2, dob: serial)), kind: .dwpClaimants)
        #expect(reading.problems.map(\.description) == ["row 2, DOB: '\(serial)' is not a real date (YYYY-MM-DD or DD/MM/YYYY)"])
    }

    @Test func theLastDaySerialExcelAllowsIsStillADate() throws {
        let reading = try ImportReader.xlsx(try Self.sheet(Self.header + Self.claimant(row: 2, dob: "2958465.99")), kind: .dwpClaimants)
        #expect(reading.rows.first?.identity.dateOfBirth == T.date("9999-12-31"))
    }

    @Test func aRowNumberBeyondExcelsLastRowIsRefused() throws {
        let rows = Self.header + #"<row r="9223372036854775807"></row><row><c><v>1</v></c></row>"#
        let error = T.fileError { () throws(ImportFileError) in try ImportReader.xlsx(try! Self.sheet(rows), kind: .dwpClaimants) }
        #expect(error == .notXLSX(reason: "row '9223372036854775807' is not a row number from 1 to 1,048,576"))
    }

    @Test func aRowWithoutANumberAfterExcelsLastRowIsRefused() throws {
        let rows = Self.header + #"<row r="1048576"></row><row><c><v>1</v></c></row>"#
        let error = T.fileError { () throws(ImportFileError) in try ImportReader.xlsx(try! Self.sheet(rows), kind: .dwpClaimants) }
        #expect(error == .notXLSX(reason: "row after row 1048576 is not a row number from 1 to 1,048,576"))
    }

    @Test func emptyCellsInColumnXFDDoNotWidenTheRows() throws {
        var rows = Self.header
        for row in 2...2_001 {
            rows += Self.claimant(row: row, dob: "39557").replacingOccurrences(of: "</row>", with: #"<c r="XFD\#(row)"/></row>"#)
        }
        let reading = try ImportReader.xlsx(try Self.sheet(rows), kind: .dwpClaimants)
        #expect(reading.rows.count == 2_000)
        #expect(reading.rows.allSatisfy { $0.raw.count == 4 }, "only the four filled columns are held")
    }

    @Test func filledCellsFarToTheRightStopAtTheCellLimit() throws {
        var rows = Self.header
        for row in 2...20 {
            rows += Self.claimant(row: row, dob: "39557").replacingOccurrences(of: "</row>", with: #"<c r="XFD\#(row)"><v>7</v></c></row>"#)
        }
        let limits = ImportLimits(maxCells: 40_000)
        let error = T.fileError { () throws(ImportFileError) in try ImportReader.xlsx(try! Self.sheet(rows), kind: .dwpClaimants, limits: limits) }
        // The header and rows 2 and 3 hold 32,772 cells; row 4 would pass 40,000.
        #expect(error == .tooManyCells(row: 4, column: "XFD", limit: 40_000))
        #expect(error?.description.hasPrefix("row 4, column XFD: the sheet holds more than 40,000 cells") == true)
    }

    @Test func sharedStringsBeyondTheCellLimitAreRefused() throws {
        let strings = "<sst>" + String(repeating: "<si/>", count: 101) + "</sst>"
        let data = try XLSXWriter.zip([
            ("xl/sharedStrings.xml", strings),
            ("xl/worksheets/sheet1.xml", "<worksheet><sheetData>\(Self.header)</sheetData></worksheet>"),
        ])
        let error = T.fileError { () throws(ImportFileError) in
            try ImportReader.xlsx(data, kind: .dwpClaimants, limits: ImportLimits(maxCells: 100))
        }
        #expect(error == .notXLSX(reason: "xl/sharedStrings.xml holds more than 100 strings"))
    }
}
