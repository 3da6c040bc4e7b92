import Testing
import WaymarkCore
import WaymarkFormats

/// Bad values give a problem naming the row, the field and the rule; the
/// reading then holds only the valid rows, and is not clean.
@Suite struct ImportProblemTests {
    typealias T = ImportTestSupport

    @Test func eachBadValueNamesRowFieldAndRule() throws {
        let reading = try T.csv(
            """
            Surname,Forename,DOB,UPN,ULN,UKPRN,Postcode,Start date,Planned end date
            Marchetti,Iona,2009-11-02,,,10012345,,2026-09-07,
            Hale,Juno,2009-13-01,,,,,2026-09-07,
            Hale,Juno,2009-01-13,D990400126009,12345,123,NM3,2026-09-07,2026-01-01
            ,Kit,2009-01-13,,,,,,
            """, .collegeEnrolments)
        #expect(!reading.isClean)
        #expect(reading.rows.map(\.row) == [2], "only the valid row is returned")
        #expect(reading.rowsRead == 4)
        let described = reading.problems.map(\.description)
        #expect(
            described == [
                "row 3, DOB: '2009-13-01' is not a real date (YYYY-MM-DD or DD/MM/YYYY)",
                "row 4, UPN: 'D990400126009' has the wrong check letter for a UPN",
                "row 4, ULN: '12345' must be 10 digits",
                "row 4, UKPRN: '123' must be 8 digits starting with 1",
                "row 4, Postcode: 'NM3' is not a UK postcode (for example NM3 4QT)",
                "row 4, Planned end date: '2026-01-01' is before the start date 2026-09-07",
                "row 5, Surname: is empty; a value is required",
                "row 5, Start date: is empty; a value is required",
            ])
        #expect(reading.problems.map(\.rule) == [
            "date", "upn-check-letter", "uln-format", "ukprn-format", "postcode", "end-after-start", "required", "required",
        ])
    }

    @Test func anUnknownIntendedDestinationCodeIsAProblem() throws {
        let reading = try T.csv("Surname,Forename,DOB,Intended destination\nFenwick,Talia,2010-02-11,XYZ\n", .year11List)
        let problem = try #require(reading.problems.first)
        #expect(problem.row == 2)
        #expect(problem.field == "intended_destination")
        #expect(problem.rule == "intended-destination")
        #expect(problem.description.hasPrefix("row 2, Intended destination: 'XYZ' is not an intended destination code (111, 121"))
        #expect(reading.rows.isEmpty)
    }

    @Test func aBadGenderAndEstablishmentNumberAreProblems() throws {
        let reading = try T.csv("Surname,Forename,DOB,Sex,DfE number,Destination code\nFenwick,Talia,2010-02-11,Q,99,111\n", .year11List)
        #expect(reading.problems.map(\.field) == ["gender", "establishment_number"])
        #expect(reading.problems.first?.message == "'Q' is not a gender (F, M, U or W)")
    }
}

@Suite struct ImportValuesTests {
    @Test func upnCheckLetterFollowsTheDfEAlgorithm() throws {
        // A valid UPN published with an open-source validator, and our own synthetic ones.
        #expect(try ImportValues.upn("Z213282605052") == "Z213282605052")
        #expect(try ImportValues.upn("d990400126001") == "D990400126001", "letters are upper-cased")
        #expect(try ImportValues.upn("P99040012600A") == "P99040012600A", "a temporary UPN ends in a letter")
        #expect(throws: ImportValues.ValueFailure.self) { try ImportValues.upn("A213282605052") }
        #expect(throws: ImportValues.ValueFailure.self) { try ImportValues.upn("I213282605052") }
        #expect(throws: ImportValues.ValueFailure.self) { try ImportValues.upn("Z21328260505") }
    }

    @Test func datesInTheAcceptedForms() throws {
        #expect(try ImportValues.date("2010-02-11") == ImportTestSupport.date("2010-02-11"))
        #expect(try ImportValues.date("1/9/2026") == ImportTestSupport.date("2026-09-01"))
        #expect(try ImportValues.date("2026-09-01 00:00:00") == ImportTestSupport.date("2026-09-01"))
        #expect(try ImportValues.date("46265", excelSerial: true) == ImportTestSupport.date("2026-08-31"))
        #expect(try ImportValues.date("44804", excelSerial: true, date1904: true) == ImportTestSupport.date("2026-09-01"))
        #expect(throws: ImportValues.ValueFailure.self) { try ImportValues.date("46266") }
        #expect(throws: ImportValues.ValueFailure.self) { try ImportValues.date("29/02/2026") }
        #expect(throws: ImportValues.ValueFailure.self) { try ImportValues.date("2026-9-1") }
    }

    @Test func postcodesAreNormalised() throws {
        #expect(try ImportValues.postcode("nm34qt") == "NM3 4QT")
        #expect(try ImportValues.postcode("EC1A 1BB") == "EC1A 1BB")
        #expect(try ImportValues.postcode("w1a0ax") == "W1A 0AX")
        #expect(throws: ImportValues.ValueFailure.self) { try ImportValues.postcode("NM3 QQT") }
        #expect(throws: ImportValues.ValueFailure.self) { try ImportValues.postcode("12345") }
    }
}
