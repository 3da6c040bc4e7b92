import Testing
import WaymarkCore

/// A known-good return record: a 17-year-old in full-time further education at
/// the period end 2026-10-31, in the demo LA 990 (Northmere).
enum ReturnFixture {
    static let periodEnd = d("2026-10-31")
    static let header = ReturnHeader(databaseIDs: ["990"], sourceLAs: ["990"], dateOfSend: d("2026-11-04"), periodEnd: periodEnd)
    static let registry = LocalAuthorityRegistry(additional: ["990": "Northmere"])
    static let rules = ReturnRules(header: header, registry: registry)

    static let activity = ReturnActivity(
        code: "230", startDate: d("2026-09-01"), dateAscertained: d("2026-09-10"), dateVerified: d("2026-10-01"),
        dueToLapseDate: d("2027-07-31"), currencyLapsed: "N", establishmentNumber: "9904001",
        establishmentName: "Northmere College", ukprn: "10001234", predictedEndDate: d("2027-07-31"))

    static let good = ReturnRecord(
        personID: 42, youngPersonsID: "9900000123456", cohortStatus: "P", givenName: "Zoë", middleName: "Anne-Marie",
        familyName: "O'Brien-Smith", addressLines: ["14 Quayside Row"], town: "Eastbridge", county: "Northshire",
        postcode: "NE1 4XF", gender: "F", dateOfBirth: d("2009-01-15"), ethnicity: "WIRI", leadLA: "990", educatedLA: "990",
        laCodeAtYear11: "990", uln: "1234567890", upn: "H990123456789", guaranteeStatusIndicator: "Y",
        youthContractIndicator: "N",
        guarantees: [
            ReturnGuarantee(year: .year11, status: "110", laCode: "990"),
            ReturnGuarantee(year: .year12, status: "110", laCode: "990"),
        ],
        levelOfNeed: "3", sendFlag: "N", senSupportFlag: "N", characteristics: ["110"], activity: activity,
        intendedDestination: "121")

    /// Every value in a record that identifies the person and must never reach a log.
    static func personalValues(of record: ReturnRecord) -> [String] {
        let values = [record.givenName, record.middleName, record.familyName, record.postcode, record.town, record.county]
            + record.addressLines.map(Optional.some) + [record.dateOfBirth?.iso]
        return values.compactMap { $0 }.filter { !$0.allSatisfy(\.isWhitespace) }
    }
}

struct ReturnRulesTests {
    let rules = ReturnFixture.rules

    func numbers(_ record: ReturnRecord, rules: ReturnRules? = nil) -> [Int] {
        (rules ?? self.rules).check(record).map(\.error.number)
    }

    func changed(_ change: (inout ReturnRecord) -> Void) -> ReturnRecord {
        var record = ReturnFixture.good
        change(&record)
        return record
    }

    @Test func theGoodRecordHasNoFindingsAtAll() {
        #expect(rules.check(ReturnFixture.good).isEmpty)
        let strict = ReturnRules(header: ReturnFixture.header, registry: ReturnFixture.registry, requireIntendedDestination: true)
        #expect(strict.check(ReturnFixture.good).isEmpty)
    }

    @Test func theFixtureIsSeventeenAndItsActivityIsWhatCurrencyPolicyDerives() {
        #expect(AcademicAge.of(dateOfBirth: d("2009-01-15"), on: ReturnFixture.periodEnd) == 17)
        let stored = ActivityRecord(
            code: .furtherEducation, startDate: d("2026-09-01"), dateAscertained: d("2026-09-10"), dateVerified: d("2026-10-01"),
            predictedEndDate: d("2027-07-31"), establishmentNumber: "9904001", establishmentName: "Northmere College",
            ukprn: "10001234")
        let derived = ReturnActivity(stored, currency: .waymarkDefault, periodEnd: ReturnFixture.periodEnd)
        #expect(derived == ReturnFixture.activity)
    }

    @Test func findingsCarryTheCatalogueEntryAndTheRecordsIDs() throws {
        let record = changed { $0.ethnicity = "ZZZZ" }
        let finding = try #require(rules.check(record).first)
        #expect(finding.error == ReturnErrorCatalogue.error(7))
        #expect(finding.error.field == "Ethnicity")
        #expect(finding.personID == 42)
        #expect(finding.youngPersonsID == "9900000123456")
        #expect(finding.detail == "Ethnicity code 'ZZZZ'")
    }

    @Test func aMissingActivityIsAFindingThatRejectsTheFile() throws {
        let findings = rules.check(changed { $0.activity = nil })
        let finding = try #require(findings.first)
        #expect(findings.count == 1)
        #expect(finding.error.number == 240)
        #expect(finding.error.rejectsFile)
        #expect(rules.check(changed { $0.cohortStatus = "Q" }).map(\.error.rejectsFile) == [true])
    }

    @Test func blankValuesAreMissingNotUnrecognised() {
        #expect(numbers(changed { $0.gender = " " }) == [4])
        #expect(numbers(changed { $0.cohortStatus = "" }) == [11])
        #expect(numbers(changed { $0.activity?.code = "" }) == [200])
        #expect(numbers(changed { $0.uln = "" }).isEmpty)
    }

    @Test func intendedDestinationIsOptionalUnlessAsked() {
        let missing = changed { $0.intendedDestination = nil }
        #expect(numbers(missing).isEmpty)
        let strict = ReturnRules(header: ReturnFixture.header, registry: ReturnFixture.registry, requireIntendedDestination: true)
        #expect(numbers(missing, rules: strict) == [301])
    }

    /// S1 defines 231 as "Y but not yet due" and 232 as "N but already due"; an
    /// activity derived by CurrencyPolicy must never trip either, whether or not it has lapsed.
    @Test(arguments: ["2026-10-01", "2026-06-01", "2026-05-01", "2026-04-30", "2025-10-01", "2026-10-31"])
    func derivedCurrencyIsAlwaysConsistent(confirmed: String) {
        let stored = ActivityRecord(
            code: .employmentWithoutTraining, startDate: d("2025-09-01"), dateAscertained: d("2025-09-01"),
            dateVerified: d(confirmed))
        let activity = ReturnActivity(stored, currency: .waymarkDefault, periodEnd: ReturnFixture.periodEnd)
        let found = numbers(changed { $0.activity = activity })
        #expect(found.isEmpty, "confirmed \(confirmed), lapsed \(activity.currencyLapsed ?? "-")")
    }

    @Test func currencyDueOnThePeriodEndHasNotLapsed() {
        let dueToday = changed { $0.activity?.dueToLapseDate = ReturnFixture.periodEnd }
        #expect(numbers(dueToday).isEmpty)
        var markedLapsed = dueToday
        markedLapsed.activity?.currencyLapsed = "Y"
        #expect(numbers(markedLapsed) == [231])
        var lapsedYesterday = markedLapsed
        lapsedYesterday.activity?.dueToLapseDate = d("2026-10-30")
        #expect(numbers(lapsedYesterday).isEmpty)
    }

    @Test func aPreSixteenActivityVerifiedThisAcademicYearIsCurrent() {
        let year11 = changed {
            $0.dateOfBirth = d("2011-01-15")
            $0.activity?.code = "110"
            $0.activity?.startDate = d("2022-09-01")
            $0.activity?.dateAscertained = d("2022-09-01")
            $0.activity?.dateVerified = d("2026-09-15")
        }
        #expect(numbers(year11).isEmpty)
        var stale = year11
        stale.activity?.dateVerified = d("2026-08-31")
        #expect(numbers(stale) == [909])
    }

    @Test func sendAllowsSpecialistProvisionAndLaterAges() {
        var specialist = changed { $0.activity?.code = "280" }
        #expect(numbers(specialist) == [254])
        specialist.sendFlag = "Y"
        #expect(numbers(specialist).isEmpty)
        #expect(numbers(changed { $0.dateOfBirth = d("2005-06-01"); $0.sendFlag = "Y" }).isEmpty)
    }

    @Test func anUnrecognisedCodeStillReportsTheOtherActivityErrors() {
        let record = changed {
            $0.activity?.code = "999"
            $0.activity?.establishmentNumber = "99040"
            $0.activity?.dateAscertained = d("2026-08-20")
        }
        #expect(Set(numbers(record)) == [201, 228, 242])
    }

    @Test func everyErrorInARecordIsReportedInOnePass() {
        let record = changed {
            $0.givenName = nil
            $0.ethnicity = nil
            $0.levelOfNeed = "9"
            $0.activity?.currencyLapsed = nil
            $0.intendedDestination = "000"
        }
        #expect(numbers(record) == [2, 6, 101, 220, 302])
    }

    @Test(arguments: ["NE1 4XF", "ne1 4xf", "NE14XF", "SW1A 1AA", "M1 1AE", "B33 8TH", "CR2 6XH", "DN55 1PT", "W1A 0AX", "GIR 0AA"])
    func wellFormedPostcodesPass(postcode: String) {
        #expect(numbers(changed { $0.postcode = postcode }).isEmpty)
    }

    @Test(arguments: ["NE1", "NE1 4X", "NE1  4XF", "1NE 4XF", "NE1 4X1", "NE1-4XF", "ABCDE", "NE123 4XF"])
    func malformedPostcodesAreError43(postcode: String) {
        #expect(numbers(changed { $0.postcode = postcode }) == [43])
    }

    @Test func detailsNeverRepeatTheFixturesNameBirthDateOrAddress() {
        let personal = ReturnFixture.personalValues(of: ReturnFixture.good)
        #expect(personal.contains("Zoë") && personal.contains("2009-01-15") && personal.contains("NE1 4XF"))
        let broken = changed {
            $0.givenName = "Zoë3"
            $0.familyName = "O'Brien/Smith"
            $0.middleName = "Anne (Marie)"
            $0.postcode = "NE1 4X"
            $0.dateOfBirth = d("2000-01-15")
            $0.addressLines = []
        }
        let details = rules.check(broken).compactMap(\.detail)
        #expect(!details.isEmpty)
        for value in ReturnFixture.personalValues(of: broken) + personal {
            #expect(!details.contains { $0.contains(value) }, "a detail repeats '\(value)'")
        }
    }
}
