import Testing
import WaymarkFormats

@Suite struct CSVReaderTests {
    func read(_ text: String) throws -> [[String]] { try CSVReader.records(Array(text.utf8)) }

    @Test func plainFieldsAndLineEndings() throws {
        #expect(try read("a,b,c\n1,2,3\n") == [["a", "b", "c"], ["1", "2", "3"]])
        #expect(try read("a,b\r\n1,2\r\n") == [["a", "b"], ["1", "2"]])
        #expect(try read("a,b\n1,2") == [["a", "b"], ["1", "2"]], "no newline at the end")
        #expect(try read("a,,c\n,,\n") == [["a", "", "c"], ["", "", ""]], "empty fields are kept")
        #expect(try read("a\n\n\nb\n") == [["a"], ["b"]], "blank lines are skipped")
        #expect(try read("\u{FEFF}record_id\nx\n") == [["record_id"], ["x"]], "a byte-order mark is dropped")
    }

    @Test func quotedFieldsHoldCommasQuotesAndLineBreaks() throws {
        #expect(try read("\"Smith, John\",2\n") == [["Smith, John", "2"]])
        #expect(try read("\"say \"\"hi\"\"\",x\n") == [["say \"hi\"", "x"]])
        #expect(try read("\"12 High St\nKelstow\",NM1\n") == [["12 High St\nKelstow", "NM1"]])
        #expect(try read("\"\",x\n") == [["", "x"]])
        #expect(try read("1,\"Jo, Ann\",Jones,\"\"\n") == [["1", "Jo, Ann", "Jones", ""]], "quoted fields after the first")
        #expect(try read("a,\n") == [["a", ""]], "a trailing comma ends with an empty field")
        #expect(try read("Zoë,Ó\n") == [["Zoë", "Ó"]])
    }

    @Test func blankLinesCanBeKeptForRowNumbers() throws {
        #expect(try CSVReader.records(Array("a\n\nb\r\n\r\nc\n".utf8), keepingBlankLines: true) == [["a"], [], ["b"], [], ["c"]])
        #expect(try read("a\n\nb\n") == [["a"], ["b"]], "skipped by default")
    }

    @Test func malformedQuotesAreErrorsWithTheLine() {
        #expect(throws: CSVError(line: 2, message: "a quoted field is not closed")) { try read("a\n\"open,b\nc\n") }
        #expect(throws: CSVError.self) { try read("\"a\"b,c\n") }
    }

    @Test func tableFindsColumnsByName() throws {
        let table = try CSVTable(Array("Record_ID, dob\nr1,2009-01-01\n".utf8))
        #expect(table.header == ["record_id", "dob"])
        #expect(table.column("DOB") == 1)
        #expect(table.column("postcode") == nil)
        #expect(table.rows == [["r1", "2009-01-01"]])
        #expect(throws: CSVError.self) { try CSVTable([]) }
    }
}
