import Testing
import WaymarkCore
import WaymarkFormats

/// Every template read from a good CSV, and headers worded differently.
/// All people are invented.
@Suite struct ImportTemplateTests {
    typealias T = ImportTestSupport

    @Test func year11ListWithIntendedDestinations() throws {
        let reading = try T.csv(
            """
            UPN,Surname,Forename,DOB,Gender,Postcode,School number,Intended destination
            D990400126001,Fenwick,Talia,2010-02-11,F,nm34qt,990/4001,121
            ,Okonkwo,Bram,30/09/2009,Male,NM1 1AA,9904001,211 - Apprenticeship

            """, .year11List)
        #expect(reading.isClean)
        #expect(reading.rowsRead == 2)
        #expect(reading.rows.map(\.row) == [2, 3])
        let first = try #require(reading.rows.first)
        #expect(first.identity.upn == "D990400126001")
        #expect(first.identity.familyName == "Fenwick")
        #expect(first.identity.dateOfBirth == T.date("2010-02-11"))
        #expect(first.identity.gender == .female)
        #expect(first.identity.postcode == "NM3 4QT", "postcodes are normalised")
        #expect(first.event == .intendedDestination(.fullTimeEducationOrTrainingOther, school: ImportEstablishment(number: "9904001")))
        let second = reading.rows[1]
        #expect(second.identity.upn == nil)
        #expect(second.identity.dateOfBirth == T.date("2009-09-30"), "DD/MM/YYYY is accepted")
        #expect(second.event == .intendedDestination(.apprenticeshipOrTraineeship, school: ImportEstablishment(number: "9904001")))
        #expect(first.raw.first == ImportRawCell(header: "UPN", field: .upn, value: "D990400126001"))
    }

    @Test func collegeEnrolments() throws {
        let reading = try T.csv(
            """
            Learner ref,ULN,Family name,Given name,Date of birth,UKPRN,College,Enrolment date,Expected end date,Aim title
            L-77,4410000002,Marchetti,Iona,2009-11-02,10012345,Northmere College,2026-09-07,2028-06-30,"A level Biology, Chemistry"
            """, .collegeEnrolments)
        #expect(reading.isClean)
        let row = try #require(reading.rows.first)
        #expect(row.identity.recordReference == "L-77")
        #expect(row.identity.uln == "4410000002")
        #expect(
            row.event
                == .enrolment(
                    college: ImportEstablishment(ukprn: "10012345", name: "Northmere College"), start: T.date("2026-09-07"),
                    plannedEnd: T.date("2028-06-30"), course: "A level Biology, Chemistry"))
    }

    @Test func collegeLeavers() throws {
        let reading = try T.csv(
            """
            Surname,First name,DOB,UKPRN,Actual end date,Reason for leaving
            Achterberg,Noor,2008-04-19,10012345,15/01/2027,Moved to employment
            """, .collegeLeavers)
        #expect(reading.isClean)
        #expect(
            reading.rows.first?.event
                == .leaving(college: ImportEstablishment(ukprn: "10012345"), left: T.date("2027-01-15"), reason: "Moved to employment"))
    }

    @Test func providerStarters() throws {
        let reading = try T.csv(
            """
            Last name,Forename,Birth date,Provider,UKPRN,Start date,Planned end date,Programme
            Quarrie,Dex,2009-06-06,Harbour Skills Ltd,10099887,2026-10-01,2027-09-30,Level 2 Motor Vehicle apprenticeship
            """, .providerStarters)
        #expect(reading.isClean)
        #expect(
            reading.rows.first?.event
                == .trainingStart(
                    provider: ImportEstablishment(ukprn: "10099887", name: "Harbour Skills Ltd"), start: T.date("2026-10-01"),
                    plannedEnd: T.date("2027-09-30"), programme: "Level 2 Motor Vehicle apprenticeship"))
    }

    @Test func providerLeavers() throws {
        let reading = try T.csv(
            """
            Surname,Forename,DOB,End date,Reason
            Quarrie,Dex,2009-06-06,2027-02-28,
            """, .providerLeavers)
        #expect(reading.isClean)
        #expect(reading.rows.first?.event == .trainingEnd(provider: ImportEstablishment(), left: T.date("2027-02-28"), reason: nil))
    }

    @Test func dwpClaimants() throws {
        let reading = try T.csv(
            """
            Surname,Forename,Date of birth,Post code,Claim start date
            Ravensworth,Ellis,2008-12-25,NM2 7XY,2026-11-02
            """, .dwpClaimants)
        #expect(reading.isClean)
        let row = try #require(reading.rows.first)
        #expect(row.event == .claim(start: T.date("2026-11-02")))
        #expect(row.identity.postcode == "NM2 7XY")
    }

    @Test func headersMatchIgnoringCaseSpacesUnderscoresAndPunctuation() throws {
        let reading = try T.csv(
            """
            FAMILY_NAME, first-name ,D.O.B.,post code,Date Of Claim,Address line 1,Town
            Ravensworth,Ellis,2008-12-25,NM2 7XY,2026-11-02,12 Orchard Way,Northmere
            """, .dwpClaimants)
        #expect(reading.isClean)
        let row = try #require(reading.rows.first)
        #expect(row.identity.familyName == "Ravensworth")
        #expect(row.identity.givenName == "Ellis")
        #expect(row.identity.addressLines == ["12 Orchard Way", "Northmere"])
    }

    @Test func unknownColumnsAreIgnoredButKeptRaw() throws {
        let reading = try T.csv("Surname,Forename,DOB,Claim date,Tutor group\nRavensworth,Ellis,2008-12-25,2026-11-02,11B\n", .dwpClaimants)
        let row = try #require(reading.rows.first)
        #expect(row.raw.last == ImportRawCell(header: "Tutor group", field: nil, value: "11B"))
    }

    @Test func rowsAreNumberedAsASpreadsheetShowsThemCountingBlankLines() throws {
        let reading = try T.csv(
            "Surname,Forename,DOB,Claim date\nA,B,2008-01-01,2026-11-02\n\n,,,\nC,D,2008-01-02,2026-11-02\n", .dwpClaimants)
        #expect(reading.rows.map(\.row) == [2, 5])
        #expect(reading.rowsRead == 2, "blank rows are not read as data")
    }

    @Test func theFormatFollowsTheFileName() {
        #expect(ImportFormat(fileName: "Y11 list.CSV") == .csv)
        #expect(ImportFormat(fileName: "leavers.xlsx") == .xlsx)
        #expect(ImportFormat(fileName: "820LLLL_CTF_8201234_001.xml") == .ctf)
        #expect(ImportFormat(fileName: "old.xls") == nil)
    }

    @Test func noTemplateHasTwoColumnsSharingAHeader() {
        for kind in ImportKind.allCases {
            var seen: [String: ImportField] = [:]
            for column in kind.columns {
                for alias in column.aliases {
                    let key = ImportField.headerKey(alias)
                    #expect(seen[key] == nil || seen[key] == column.field, "\(kind): '\(alias)' names two columns")
                    seen[key] = column.field
                }
            }
        }
    }

    @Test func everySpreadsheetKindRequiresNamesAndDateOfBirth() {
        for kind in ImportKind.spreadsheetKinds {
            let required = Set(kind.columns.filter(\.required).map(\.field))
            #expect(required.isSuperset(of: [.givenName, .familyName, .dateOfBirth]), "\(kind)")
        }
        #expect(ImportKind.ctf.columns.isEmpty)
    }

    /// The downloadable template of every kind reads back: its header names
    /// every column (each label is an accepted header of its own field), so a
    /// file started from it is refused only for what is put in the rows.
    @Test(arguments: ImportKind.spreadsheetKinds)
    func theTemplateOfEachKindReadsBack(kind: ImportKind) throws {
        let header = kind.templateHeaderLine
        let reading = try ImportReader.csv(Array(header.utf8), kind: kind)
        #expect(reading.isClean && reading.rowsRead == 0, "\(kind): \(reading.problems)")
        for column in kind.columns {
            #expect(column.matches(header: column.field.label), "\(column.field.label) names \(column.field)")
            #expect(column.aliases.first == column.field.label && column.aliases.last == column.field.name)
        }
        // A row with only its reference filled in: every required cell is empty.
        let blank = header + "R1" + String(repeating: ",", count: kind.columns.count - 1) + "\r\n"
        let problems = try ImportReader.csv(Array(blank.utf8), kind: kind).problems
        #expect(Set(problems.map(\.column)) == Set(kind.columns.filter(\.required).map(\.field.label)), "problems name the columns by their labels")
    }
}
