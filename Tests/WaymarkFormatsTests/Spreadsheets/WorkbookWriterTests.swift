import Foundation
import Testing
@testable import WaymarkFormats

/// The workbook writer is held to the reader that takes schools' files: what
/// it writes reads back cell for cell, text as text and numbers as numbers.
@Suite struct WorkbookWriterTests {
    @Test func aWorkbookReadsBackCellForCell() throws {
        let data = try WorkbookWriter.xlsx(sheetName: "2026 leavers", rows: [
            [.text("Millbrook Park School: destinations")],
            [.text("Destination"), .text("Leavers"), .text("Percentage")],
            [.text("Education"), .integer(112), .number(61.5)],
            [.text("Fish & chips <shop> \"quoted\""), .text(""), .integer(0)],
            [.text("Line\u{0B}with a control character"), .number(-3.25)],
        ])
        #expect(data.starts(with: [0x50, 0x4B, 0x03, 0x04]), "a ZIP archive")
        let grid = try XLSXReader.grid(data, limits: .standard)
        #expect(grid.rows.map(\.number) == [1, 2, 3, 4, 5])
        #expect(grid.rows.map(\.cells) == [
            ["Millbrook Park School: destinations"],
            ["Destination", "Leavers", "Percentage"],
            ["Education", "112", "61.5"],
            ["Fish & chips <shop> \"quoted\"", "", "0"],
            ["Linewith a control character", "-3.25"],
        ])
    }

    @Test func theWorkbookNamesItsSheetAsExcelAllows() throws {
        #expect(WorkbookWriter.safeSheetName("Leavers: 2025/26 [draft] and a name far too long for Excel") == "Leavers 202526 draft and a name")
        #expect(WorkbookWriter.safeSheetName("///") == "Sheet1")
        let workbook = WorkbookWriter.workbook(sheetName: "A & B")
        #expect(workbook.contains("<sheet name=\"A &amp; B\" sheetId=\"1\" r:id=\"rId1\"/>"))
        #expect(WorkbookWriter.columnLetters(0) == "A" && WorkbookWriter.columnLetters(27) == "AB")
        #expect(WorkbookWriter.sheet([[.integer(7), .text("x")]]).contains("<c r=\"A1\"><v>7</v></c><c r=\"B1\" t=\"inlineStr\">"))
    }
}
