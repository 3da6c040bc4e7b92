import Testing
import WaymarkFormats

/// Files that cannot be read as a whole: each gives one clear error and no
/// rows at all (the reader throws, so nothing can be imported half-way).
@Suite struct ImportFileErrorTests {
    typealias T = ImportTestSupport

    @Test func latin1BytesAreRefusedWithTheirPlace() {
        // "Renée" saved as Latin-1: é is the single byte 0xE9.
        var bytes = Array("Surname,Forename,DOB,Claim date\nDuval,Ren".utf8)
        bytes += [0xE9, 0x65] + Array(",2008-01-01,2026-11-02\n".utf8)
        let error = T.fileError { () throws(ImportFileError) in try ImportReader.csv(bytes, kind: .dwpClaimants) }
        #expect(error == .notUTF8(offset: 41, line: 2, byte: 0xE9))
        #expect(error?.description.hasPrefix("line 2: the file is not UTF-8: byte 0xE9 at offset 41") == true)
    }

    @Test func utf16IsRecognised() {
        let bytes: [UInt8] = [0xFF, 0xFE, 0x53, 0x00]
        let error = T.fileError { () throws(ImportFileError) in try ImportReader.csv(bytes, kind: .dwpClaimants) }
        #expect(error?.description.contains("it looks like UTF-16") == true)
    }

    @Test func missingRequiredColumnsAreNamedWithTheirAcceptedHeaders() {
        let error = T.fileError { () throws(ImportFileError) in
            try T.csv("Surname,Forename\nDuval,Renée\n", .dwpClaimants)
        }
        guard case .missingColumns(let columns) = error else {
            Issue.record("expected missing columns, got \(String(describing: error))")
            return
        }
        #expect(columns.map(\.field) == ["Date of birth", "Claim date"], "named as a person writes them")
        #expect(columns.first?.acceptedHeaders.contains("Date of birth") == true)
        #expect(error?.description.hasPrefix("missing required columns: Date of birth (accepted headers: Date of birth, DOB, Birth date") == true)
    }

    @Test func aDuplicatedHeaderNamesBothColumns() {
        let error = T.fileError { () throws(ImportFileError) in
            try T.csv("Surname,Forename,DOB,Last name,Claim date\nDuval,Renée,2008-01-01,Duval,2026-11-02\n", .dwpClaimants)
        }
        #expect(error == .duplicatedHeader(field: "Family name", first: "Surname", second: "Last name"))
        #expect(error?.description == "columns 'Surname' and 'Last name' both mean Family name: keep one of them")
    }

    @Test func aHundredThousandCharacterCellIsRefused() {
        let long = String(repeating: "x", count: 100_000)
        let text = "Surname,Forename,DOB,Claim date\nA,B,2008-01-01,2026-11-02\nC,D,2008-01-01,2026-11-02\n\(long),E,2008-01-01,2026-11-02\n"
        let error = T.fileError { () throws(ImportFileError) in try T.csv(text, .dwpClaimants) }
        #expect(error == .cellTooLong(row: 4, column: "Surname", characters: 100_000, limit: 10_000))
        #expect(error?.description == "row 4, column 'Surname': 100,000 characters, the limit is 10,000")
    }

    @Test func emptyFilesAndHeaderOnlyFiles() throws {
        #expect(T.fileError { () throws(ImportFileError) in try T.csv("", .year11List) } == .empty)
        #expect(T.fileError { () throws(ImportFileError) in try T.csv("\n\n", .year11List) } == .empty)
        let headerOnly = try T.csv("Surname,Forename,DOB,Claim date\n", .dwpClaimants)
        #expect(headerOnly.rows.isEmpty && headerOnly.isClean && headerOnly.rowsRead == 0)
    }

    @Test func moreRowsThanTheLimitAreRefused() {
        let text = "Surname,Forename,DOB,Claim date\n" + String(repeating: "A,B,2008-01-01,2026-11-02\n", count: 4)
        let error = T.fileError { () throws(ImportFileError) in
            try T.csv(text, .dwpClaimants, limits: ImportLimits(maxRows: 3))
        }
        #expect(error == .tooManyRows(limit: 3))
    }

    @Test func brokenQuotingGivesTheLine() {
        let error = T.fileError { () throws(ImportFileError) in
            try T.csv("Surname,Forename,DOB,Claim date\n\"Duval,Renée,2008-01-01,2026-11-02\n", .dwpClaimants)
        }
        #expect(error == .malformedCSV(line: 2, reason: "a quoted field is not closed"))
    }

    @Test func aCTFKindIsNotReadAsASpreadsheet() {
        let error = T.fileError { () throws(ImportFileError) in try T.csv("UPN\nX\n", .ctf) }
        guard case .wrongFormat = error else {
            Issue.record("expected wrongFormat, got \(String(describing: error))")
            return
        }
    }
}
