import Foundation
import Testing
import WaymarkFormats

/// XLSX workbooks written by the test writer: shared and inline strings,
/// sparse cells, dates as serial numbers, and broken workbooks.
@Suite struct XLSXReaderTests {
    typealias T = ImportTestSupport

    @Test func aLeaversWorkbookReadsLikeItsCSV() throws {
        let data = try XLSXWriter.workbook([
            [.text("ULN"), .text("Surname"), .text("Forename"), .text("Date of birth"), .text("UKPRN"), .text("Leaving date"),
             .text("Reason")],
            [.number("4410000003"), .text("Achterberg"), .inline("Noor & Co"), .number("39557"), .number("10012345"),
             .number("46402"), .empty],
            [],
            [.empty, .text("Brightwater"), .text("Odile"), .text("04/05/2009"), .empty, .text("2027-01-31"),
             .text("Moved away")],
        ])
        let reading = try ImportReader.read(data, format: .xlsx, kind: .collegeLeavers)
        #expect(reading.isClean, "\(reading.problems)")
        #expect(reading.rows.map(\.row) == [2, 4], "row numbers come from the sheet; the empty row 3 is skipped")
        let first = try #require(reading.rows.first)
        #expect(first.identity.uln == "4410000003")
        #expect(first.identity.givenName == "Noor & Co")
        #expect(first.identity.dateOfBirth == T.date("2008-04-19"), "a date cell is an Excel serial")
        #expect(first.event == .leaving(college: ImportEstablishment(ukprn: "10012345"), left: T.date("2027-01-15"), reason: nil))
        let second = reading.rows[1]
        #expect(second.identity.dateOfBirth == T.date("2009-05-04"))
        #expect(second.event == .leaving(college: ImportEstablishment(), left: T.date("2027-01-31"), reason: "Moved away"))
    }

    @Test func theFirstSheetIsFoundThroughTheWorkbookRelationships() throws {
        let data = try XLSXWriter.workbook(
            [[.text("Surname"), .text("Forename"), .text("DOB"), .text("Claim date")],
             [.text("Ravensworth"), .text("Ellis"), .text("2008-12-25"), .number("44866")]],
            sheetPath: "xl/worksheets/claims.xml", date1904: true)
        let reading = try ImportReader.xlsx(data, kind: .dwpClaimants)
        #expect(reading.rows.first?.event == .claim(start: T.date("2026-11-02")), "1904 date system")
    }

    @Test func rowProblemsNameTheSheetRow() throws {
        let data = try XLSXWriter.workbook([
            [.text("Surname"), .text("Forename"), .text("DOB"), .text("Claim date")],
            [.empty],
            [.text("Ravensworth"), .text("Ellis"), .text("2008-12-25"), .text("soon")],
        ])
        let reading = try ImportReader.xlsx(data, kind: .dwpClaimants)
        #expect(reading.problems.map(\.description) == ["row 3, Claim date: 'soon' is not a real date (YYYY-MM-DD or DD/MM/YYYY)"])
    }

    @Test func aFileThatIsNotAZipIsRefused() {
        let error = T.fileError { () throws(ImportFileError) in
            try ImportReader.xlsx(Data("Surname,Forename\n".utf8), kind: .dwpClaimants)
        }
        #expect(error?.description.hasPrefix("not a readable .xlsx workbook: it is not a ZIP archive") == true)
    }

    @Test func aZipWithoutASheetIsRefused() throws {
        let data = try XLSXWriter.zip([("docProps/app.xml", "<Properties/>")])
        let error = T.fileError { () throws(ImportFileError) in try ImportReader.xlsx(data, kind: .dwpClaimants) }
        #expect(error == .notXLSX(reason: "it has no worksheet (xl/worksheets/sheet1.xml is missing)"))
    }

    @Test func aTruncatedZipIsRefused() throws {
        let whole = try XLSXWriter.workbook([[.text("Surname")]])
        let error = T.fileError { () throws(ImportFileError) in
            try ImportReader.xlsx(whole.prefix(whole.count / 2), kind: .dwpClaimants)
        }
        guard case .notXLSX = error else {
            Issue.record("expected notXLSX, got \(String(describing: error))")
            return
        }
    }

    @Test func malformedSheetXMLGivesPartLineAndColumn() throws {
        let data = try XLSXWriter.zip([
            ("xl/worksheets/sheet1.xml", "<worksheet><sheetData><row r=\"1\"><c r=\"A1\"><v>1</v></row></sheetData></worksheet>")
        ])
        let error = T.fileError { () throws(ImportFileError) in try ImportReader.xlsx(data, kind: .dwpClaimants) }
        guard case .malformedXML(let part, let line, _, let reason) = error else {
            Issue.record("expected malformedXML, got \(String(describing: error))")
            return
        }
        #expect(part == "xl/worksheets/sheet1.xml")
        #expect(line == 1)
        #expect(!reason.isEmpty)
    }

    @Test func aMissingColumnInAWorkbookIsTheSameErrorAsInCSV() throws {
        let data = try XLSXWriter.workbook([[.text("Surname"), .text("Forename"), .text("DOB")]])
        let error = T.fileError { () throws(ImportFileError) in try ImportReader.xlsx(data, kind: .dwpClaimants) }
        #expect(error == .missingColumns([.init(field: "Claim date", acceptedHeaders: ImportColumn(.claimDate).aliases)]))
    }

    @Test func aHundredThousandCharacterCellIsRefused() throws {
        let data = try XLSXWriter.workbook([
            [.text("Surname"), .text("Forename"), .text("DOB"), .text("Claim date")],
            [.text(String(repeating: "y", count: 100_000)), .text("Ellis"), .text("2008-12-25"), .text("2026-11-02")],
        ])
        let error = T.fileError { () throws(ImportFileError) in try ImportReader.xlsx(data, kind: .dwpClaimants) }
        #expect(error?.description == "row 2, column 'Surname': 100,000 characters, the limit is 10,000")
    }
}
