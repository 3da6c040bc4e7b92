import Testing
import WaymarkFormats

/// A comma is one byte in the file but a string in memory: a file of commas
/// is refused at the cell limit, naming the line where it was passed.
@Suite struct CSVCellLimitTests {
    @Test func aFileAtTheLimitReads() throws {
        #expect(try CSVReader.records(Array("a,b\nc\n".utf8), maxFields: 3) == [["a", "b"], ["c"]])
    }

    @Test func commasPastTheLimitAreRefusedOnTheirLine() {
        #expect(throws: CSVError(line: 2, message: "the file has more than 3 cells: split it into smaller files")) {
            try CSVReader.records(Array("a,b\n,,,,,,,,\n".utf8), maxFields: 3)
        }
    }

    @Test func linesOfOneCellCountToo() {
        #expect(throws: CSVError(line: 4, message: "the file has more than 3 cells: split it into smaller files")) {
            try CSVReader.records(Array("a\nb\nc\nd\ne\n".utf8), maxFields: 3)
        }
    }

    @Test func anImportTakesItsLimitFromImportLimits() {
        let text = "Surname,Forename,DOB,Claim date\n" + String(repeating: ",", count: 1_000)
        let error = ImportTestSupport.fileError { () throws(ImportFileError) in
            try ImportTestSupport.csv(text, .dwpClaimants, limits: ImportLimits(maxCells: 100))
        }
        #expect(error == .malformedCSV(line: 2, reason: "the file has more than 100 cells: split it into smaller files"))
    }
}
