import Foundation
import Testing
import WaymarkCore
import WaymarkFormats

/// The synthetic CTF fixture, and CTFs broken in the ways schools' files break.
@Suite struct CTFReaderTests {
    typealias T = ImportTestSupport

    static func ctf(pupils: String) -> Data {
        Data(
            """
            <?xml version="1.0" encoding="UTF-8"?>
            <CTfile><Header><SourceSchool><LEA>990</LEA><Estab>4001</Estab><SchoolName>Northmere Academy</SchoolName></SourceSchool></Header>
            <CTFpupilData>\(pupils)</CTFpupilData></CTfile>
            """.utf8)
    }

    @Test func theFixtureReadsEveryPupil() throws {
        let reading = try ImportReader.read(T.fixture("ctf-year11.xml"), format: .ctf, kind: .ctf)
        #expect(reading.isClean, "\(reading.problems)")
        #expect(reading.kind == .ctf)
        #expect(reading.rowsRead == 3)
        let school = ImportEstablishment(number: "9904001", name: "Northmere Academy")
        #expect(reading.sourceSchool == school)
        #expect(reading.rows.map(\.identity.upn) == ["D990400126001", "T990400126002", "G990400126003"])

        let talia = reading.rows[0]
        #expect(talia.row == 1)
        #expect(
            talia.identity
                == ImportIdentity(
                    recordReference: "ADM-0001", givenName: "Talia", middleNames: "Rose", familyName: "Fenwick-Adeyemi",
                    dateOfBirth: T.date("2010-02-11"), gender: .female, postcode: "NM3 4QT",
                    addressLines: ["14", "Mill Lane", "Northmere"], upn: "D990400126001", uln: "4410000001"))
        #expect(
            talia.event
                == .pupil(
                    CTFPupilDetails(
                        school: school, preferredForename: "Tally", nationalCurriculumYear: 11, ethnicity: "WBRI",
                        senProvision: "E", inCare: true, currentlyFSMEligible: true,
                        schoolFacts: [
                            SchoolFact(kind: .freeSchoolMeals, date: T.date("2019-09-01"), endDate: T.date("2021-03-31"), code: "eligible"),
                            SchoolFact(kind: .freeSchoolMeals, date: T.date("2023-09-01"), code: "eligible"),
                            SchoolFact(kind: .senProvision, date: T.date("2018-09-01"), code: "K"),
                            SchoolFact(kind: .senProvision, date: T.date("2022-01-15"), code: "E"),
                        ])))
        #expect(talia.raw.contains(ImportRawCell(header: "BasicDetails/MiddleNames", field: nil, value: "Rose")))

        let bram = reading.rows[1]
        #expect(bram.identity.gender == .male, "the older element name Gender is read too")
        #expect(bram.identity.addressLines == ["Flat 3, Quay House", "Harbour Road", "Northmere"])
        guard case .pupil(let details) = bram.event else {
            Issue.record("expected a pupil")
            return
        }
        #expect(!details.inCare && !details.currentlyFSMEligible && details.senProvision == nil)
    }

    @Test func attendanceExclusionsAndLanguageBecomeDatedSchoolFacts() throws {
        let reading = try CTFReader.read(
            Self.ctf(pupils: """
                <Pupil><UPN>D990400126001</UPN><Surname>Fenwick</Surname><Forename>Talia</Forename><DOB>2010-02-11</DOB><Sex>F</Sex>
                <BasicDetails><Languages><Type><LanguageType>F</LanguageType><Language>pol</Language></Type></Languages></BasicDetails>
                <Attendance><YearData><Year>2025</Year><SessionsPossible>380</SessionsPossible><SessionsAuthorised>30</SessionsAuthorised>
                <SessionsUnauthorised>27</SessionsUnauthorised></YearData></Attendance>
                <Exclusions><Exclusion><StartDate>2026-01-12</StartDate><Category>FIXD</Category><Sessions>4</Sessions></Exclusion>
                <Exclusion><StartDate>2026-03-02</StartDate><Category>LNCH</Category></Exclusion></Exclusions></Pupil>
                """))
        #expect(reading.isClean, "\(reading.problems)")
        guard case .pupil(let details) = reading.rows.first?.event else {
            Issue.record("expected a pupil")
            return
        }
        #expect(details.firstLanguage == "POL")
        #expect(details.schoolFacts == [
            SchoolFact(kind: .attendance, date: T.date("2026-07-31"), value: 85),
            SchoolFact(kind: .suspension, date: T.date("2026-01-12"), value: 2),
        ])
    }

    @Test func unreadableAttendanceAndExclusionsNameThePupilFieldAndRule() throws {
        let reading = try CTFReader.read(
            Self.ctf(pupils: """
                <Pupil><UPN>D990400126001</UPN><Surname>Fenwick</Surname><Forename>Talia</Forename><DOB>2010-02-11</DOB><Sex>F</Sex>
                <Attendance><YearData><Year>2025</Year><SessionsPossible>many</SessionsPossible></YearData></Attendance>
                <Exclusions><Exclusion><StartDate>2026-13-12</StartDate><Category>PERM</Category></Exclusion></Exclusions></Pupil>
                """))
        #expect(reading.rows.isEmpty, "a pupil with a bad value is not imported")
        #expect(reading.problems.map(\.field) == ["Attendance/YearData/SessionsPossible", "Exclusions/Exclusion/StartDate"])
        #expect(reading.problems.allSatisfy { $0.row == 1 })
        #expect(reading.problems.first?.rule == "whole number")
    }

    @Test func missingMandatoryFieldsNameThePupilAndElement() throws {
        let reading = try CTFReader.read(
            Self.ctf(pupils: """
                <Pupil><UPN>D990400126001</UPN><Surname>Fenwick</Surname><Forename>Talia</Forename><DOB>2010-02-11</DOB><Sex>F</Sex></Pupil>
                <Pupil><UPN>T990400126002</UPN><Forename>Bram</Forename><DOB>2009-02-30</DOB><Sex>M</Sex></Pupil>
                <Pupil><UPN>X1</UPN><Surname>Lindqvist</Surname><Forename>Sorrel</Forename><DOB>2010-08-31</DOB></Pupil>
                """))
        #expect(reading.rows.map(\.row) == [1])
        #expect(
            reading.problems.map(\.description) == [
                "pupil 2, Surname: is missing; a CTF pupil must have it",
                "pupil 2, DOB: '2009-02-30' is not a real date (YYYY-MM-DD or DD/MM/YYYY)",
                "pupil 3, UPN: 'X1' is not a UPN: 13 characters, a letter, 11 digits, then a digit or letter",
                "pupil 3, Sex: is missing; a CTF pupil must have it",
            ])
    }

    @Test func malformedXMLGivesLineAndColumn() {
        let data = Data("<?xml version=\"1.0\"?>\n<CTfile>\n<CTFpupilData>\n<Pupil><UPN>D990400126001</Surname></Pupil>\n</CTfile>".utf8)
        let error = T.fileError { () throws(ImportFileError) in try CTFReader.read(data) }
        guard case .malformedXML(let part, let line, let column, let reason) = error else {
            Issue.record("expected malformedXML, got \(String(describing: error))")
            return
        }
        #expect(part == "CTF")
        #expect(line == 4)
        #expect(column > 0)
        #expect(reason == "an end tag does not match the element it closes")
        #expect(error?.description.hasPrefix("CTF: line 4, column ") == true)
    }

    @Test func aTruncatedCTFIsAnErrorNotAShortImport() {
        // Linux's XMLParser reports nothing for elements left open; the reader must.
        let cut = Data(
            "<?xml version=\"1.0\"?>\n<CTfile><CTFpupilData><Pupil><UPN>D990400126001</UPN></Pupil>\n<Pupil><UPN>T990400126002</UPN>\n".utf8)
        let error = T.fileError { () throws(ImportFileError) in try CTFReader.read(cut) }
        guard case .malformedXML(let part, _, _, let reason) = error else {
            Issue.record("expected malformedXML, got \(String(describing: error))")
            return
        }
        #expect(part == "CTF")
        #expect(reason == "the document ends before its elements are closed")
    }

    @Test func latin1BytesInAUTF8CTFAreAnError() {
        var bytes = Array("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<CTfile><CTFpupilData><Pupil><Surname>Ren".utf8)
        bytes += [0xE9] + Array("e</Surname></Pupil></CTFpupilData></CTfile>".utf8)
        let error = T.fileError { () throws(ImportFileError) in try CTFReader.read(Data(bytes)) }
        guard case .malformedXML(_, let line, _, let reason) = error else {
            Issue.record("expected malformedXML, got \(String(describing: error))")
            return
        }
        #expect(line == 2)
        #expect(reason.contains("UTF-8"), "\(reason)")
    }

    @Test func anotherXMLDocumentIsNotACTF() {
        let error = T.fileError { () throws(ImportFileError) in try CTFReader.read(Data("<NCCIS><FileHeader/></NCCIS>".utf8)) }
        #expect(error == .notCTF(reason: "the root element is <NCCIS>; a CTF's is <CTfile>"))
        let empty = T.fileError { () throws(ImportFileError) in try CTFReader.read(Self.ctf(pupils: "")) }
        #expect(empty == .notCTF(reason: "it holds no pupils (no <Pupil> in <CTFpupilData>)"))
        #expect(T.fileError { () throws(ImportFileError) in try CTFReader.read(Data()) } == .empty)
    }

    @Test func aHundredThousandCharacterElementIsRefused() {
        let long = String(repeating: "z", count: 100_000)
        let data = Self.ctf(pupils: "<Pupil><UPN>D990400126001</UPN><Surname>\(long)</Surname></Pupil>")
        let error = T.fileError { () throws(ImportFileError) in try CTFReader.read(data) }
        guard case .cellTooLong(let row, let column, _, let limit) = error else {
            Issue.record("expected cellTooLong, got \(String(describing: error))")
            return
        }
        #expect(row == 1 && column == "Surname" && limit == 10_000)
    }

    @Test func morePupilsThanTheLimitAreRefused() {
        let pupil = "<Pupil><UPN>D990400126001</UPN></Pupil>"
        let error = T.fileError { () throws(ImportFileError) in
            try CTFReader.read(Self.ctf(pupils: String(repeating: pupil, count: 3)), limits: ImportLimits(maxRows: 2))
        }
        #expect(error == .tooManyRows(limit: 2))
    }
}
