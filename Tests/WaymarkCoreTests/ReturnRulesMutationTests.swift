import Testing
import WaymarkCore

/// One defect planted in the good fixture, and the error it must produce.
struct ReturnMutation: Sendable, CustomTestStringConvertible {
    let number: Int
    let label: String
    /// Errors the same defect necessarily causes as well (e.g. a date of
    /// verification before the start is also before the date ascertained).
    let alsoExpected: Set<Int>
    let requireIntendedDestination: Bool
    let apply: @Sendable (inout ReturnRecord) -> Void

    init(
        _ number: Int, _ label: String, also alsoExpected: Set<Int> = [], requireIntendedDestination: Bool = false,
        _ apply: @escaping @Sendable (inout ReturnRecord) -> Void
    ) {
        self.number = number
        self.label = label
        self.alsoExpected = alsoExpected
        self.requireIntendedDestination = requireIntendedDestination
        self.apply = apply
    }

    /// A defect in the current activity only.
    static func activity(
        _ number: Int, _ label: String, also alsoExpected: Set<Int> = [],
        _ apply: @escaping @Sendable (inout ReturnActivity) -> Void
    ) -> ReturnMutation {
        ReturnMutation(number, label, also: alsoExpected) { record in
            guard var activity = record.activity else { return }
            apply(&activity)
            record.activity = activity
        }
    }

    var testDescription: String { "\(number): \(label)" }

    var rules: ReturnRules {
        ReturnRules(
            header: ReturnFixture.header, registry: ReturnFixture.registry,
            requireIntendedDestination: requireIntendedDestination)
    }

    var mutated: ReturnRecord {
        var record = ReturnFixture.good
        apply(&record)
        return record
    }
}

/// One or more defects per record-level rule in Appendix D.
enum ReturnMutations {
    static let personalDetails: [ReturnMutation] = [
        ReturnMutation(1, "YoungPersonsID of 12 digits") { $0.youngPersonsID = "990000012345" },
        ReturnMutation(1, "YoungPersonsID with a letter") { $0.youngPersonsID = "99000001234X6" },
        ReturnMutation(2, "no given name") { $0.givenName = nil },
        ReturnMutation(2, "blank given name") { $0.givenName = "  " },
        ReturnMutation(3, "blank family name") { $0.familyName = " " },
        ReturnMutation(4, "no gender") { $0.gender = nil },
        ReturnMutation(5, "gender X") { $0.gender = "X" },
        ReturnMutation(6, "no ethnicity") { $0.ethnicity = nil },
        ReturnMutation(7, "ethnicity ZZZZ") { $0.ethnicity = "ZZZZ" },
        ReturnMutation(8, "no date of birth") { $0.dateOfBirth = nil },
        ReturnMutation(9, "academic age 26 (with SEND)") {
            $0.dateOfBirth = d("2000-08-31")
            $0.sendFlag = "Y"
        },
        ReturnMutation(10, "academic age 14 at school") {
            $0.dateOfBirth = d("2012-01-15")
            $0.activity?.code = "110"
        },
        ReturnMutation(11, "no cohort status") { $0.cohortStatus = nil },
        ReturnMutation(13, "transferred with no destination") { $0.cohortStatus = "T" },
        ReturnMutation(14, "no lead LA") { $0.leadLA = nil },
        ReturnMutation(15, "lead LA 999") { $0.leadLA = "999" },
        ReturnMutation(19, "educated LA 999") { $0.educatedLA = "999" },
        ReturnMutation(19, "no educated LA") { $0.educatedLA = nil },
        ReturnMutation(24, "LA at Year 11 999") { $0.laCodeAtYear11 = "999" },
        ReturnMutation(25, "LA at Year 11 886, Year 11 offer from 990") { $0.laCodeAtYear11 = "886" },
        ReturnMutation(26, "lead LA 886 in a return for 990") { $0.leadLA = "886" },
        ReturnMutation(27, "guarantee indicator X") { $0.guaranteeStatusIndicator = "X" },
        ReturnMutation(27, "Year 11 status 114 (Year 12 only)") { $0.guarantees[0].status = "114" },
        ReturnMutation(27, "Year 12 status 999") { $0.guarantees[1].status = "999" },
        ReturnMutation(29, "Youth Contract Y without a start date") { $0.youthContractIndicator = "Y" },
        ReturnMutation(30, "ULN of 5 digits") { $0.uln = "12345" },
        ReturnMutation(30, "ULN with letters") { $0.uln = "12345678AB" },
        ReturnMutation(31, "no address at all") {
            $0.addressLines = []
            $0.town = nil
            $0.county = nil
        },
        ReturnMutation(31, "only blank address lines") {
            $0.addressLines = [" ", ""]
            $0.town = ""
            $0.county = nil
        },
        ReturnMutation(32, "no postcode") { $0.postcode = nil },
        ReturnMutation(33, "academic age 21, SEND N") {
            $0.dateOfBirth = d("2005-06-01")
            $0.sendFlag = "N"
        },
        ReturnMutation(34, "transferred-to LA on a P record") { $0.transferredToLA = "886" },
        ReturnMutation(35, "transferred to 999") {
            $0.cohortStatus = "T"
            $0.transferredToLA = "999"
        },
        ReturnMutation(36, "Youth Contract indicator X") { $0.youthContractIndicator = "X" },
        ReturnMutation(37, "previous YPID of 11 digits") { $0.previousYPID = "99000001234" },
        ReturnMutation(38, "UPN of 6 characters") { $0.upn = "H99012" },
        ReturnMutation(40, "academic age 21, no SEND flag", also: [103]) {
            $0.dateOfBirth = d("2005-06-01")
            $0.sendFlag = nil
        },
        ReturnMutation(41, "transferred to 004") {
            $0.cohortStatus = "T"
            $0.transferredToLA = "004"
        },
        ReturnMutation(42, "transferred to the lead LA") {
            $0.cohortStatus = "T"
            $0.transferredToLA = "990"
        },
        ReturnMutation(43, "postcode NE1 4X") { $0.postcode = "NE1 4X" },
        ReturnMutation(43, "postcode 1NE 4XF") { $0.postcode = "1NE 4XF" },
        ReturnMutation(44, "digit in the given name") { $0.givenName = "Zo3" },
        ReturnMutation(44, "@ in the given name") { $0.givenName = "Zoë@home" },
        ReturnMutation(45, "slash in the family name") { $0.familyName = "O'Brien/Smith" },
        ReturnMutation(46, "brackets in the middle name") { $0.middleName = "Anne (Marie)" },
    ]

    static let levelOfNeedAndDestination: [ReturnMutation] = [
        ReturnMutation(100, "no level of need") { $0.levelOfNeed = nil },
        ReturnMutation(101, "level of need 4") { $0.levelOfNeed = "4" },
        ReturnMutation(102, "SEND flag X") { $0.sendFlag = "X" },
        ReturnMutation(103, "no SEND flag") { $0.sendFlag = nil },
        ReturnMutation(104, "characteristic 999") { $0.characteristics = ["110", "999"] },
        ReturnMutation(301, "no intended destination (rule switched on)", requireIntendedDestination: true) {
            $0.intendedDestination = nil
        },
        ReturnMutation(302, "intended destination 999") { $0.intendedDestination = "999" },
        ReturnMutation(303, "no SEN support flag") { $0.senSupportFlag = nil },
        ReturnMutation(304, "SEN support flag X") { $0.senSupportFlag = "X" },
        ReturnMutation(306, "both SEND and SEN support") {
            $0.sendFlag = "Y"
            $0.senSupportFlag = "Y"
        },
    ]

    static let activityCodes: [ReturnMutation] = [
        .activity(200, "no activity code") { $0.code = nil },
        .activity(201, "activity code 999") { $0.code = "999" },
        .activity(224, "NEET without a NEET start date") { $0.code = "619" },
        .activity(225, "NEET start after the activity start") {
            $0.code = "619"
            $0.neetStartDate = d("2026-09-05")
        },
        .activity(226, "NEET start date on education") { $0.neetStartDate = d("2026-08-01") },
        .activity(228, "establishment number of 5 digits") { $0.establishmentNumber = "99040" },
        .activity(39, "UKPRN starting with 2") { $0.ukprn = "20001234" },
        ReturnMutation(229, "further education in Year 11") { $0.dateOfBirth = d("2011-01-15") },
        .activity(230, "at school in Year 13") { $0.code = "110" },
        .activity(233, "young carer without characteristic 140") {
            $0.code = "620"
            $0.neetStartDate = d("2026-08-01")
        },
        .activity(234, "teenage parent without characteristic 120") {
            $0.code = "630"
            $0.neetStartDate = d("2026-08-01")
        },
        .activity(235, "pregnancy without characteristic 180") {
            $0.code = "650"
            $0.neetStartDate = d("2026-08-01")
        },
        .activity(236, "asylum seeker without characteristic 130") {
            $0.code = "720"
            $0.reviewDate = d("2027-01-31")
        },
        .activity(251, "NEET start before the 15th birthday") {
            $0.code = "619"
            $0.neetStartDate = d("2023-06-01")
        },
        .activity(253, "DWP programme at 17") { $0.code = "440" },
        .activity(254, "specialist provider without SEND") { $0.code = "280" },
        .activity(255, "supported internship without SEND") { $0.code = "460" },
        ReturnMutation(260, "pregnancy with gender M") {
            $0.gender = "M"
            $0.characteristics = ["110", "180"]
        },
        ReturnMutation(260, "pregnancy with gender M and no activity", also: [240]) {
            $0.gender = "M"
            $0.characteristics = ["180"]
            $0.activity = nil
        },
        .activity(262, "temporary employment without a review date") { $0.code = "350" },
        ReturnMutation(240, "no activity") { $0.activity = nil },
    ]

    static let activityDates: [ReturnMutation] = [
        .activity(202, "no start date") { $0.startDate = nil },
        .activity(203, "no date ascertained") { $0.dateAscertained = nil },
        .activity(220, "no currency lapsed flag") { $0.currencyLapsed = nil },
        .activity(221, "currency lapsed flag X") { $0.currencyLapsed = "X" },
        .activity(231, "lapsed Y but due next July") { $0.currencyLapsed = "Y" },
        .activity(232, "lapsed N but due the day before the period end") { $0.dueToLapseDate = d("2026-10-30") },
        .activity(237, "ascertained after verified") { $0.dateVerified = d("2026-09-05") },
        .activity(238, "due after the predicted end") { $0.dueToLapseDate = d("2027-08-31") },
        .activity(242, "ascertained before the start") { $0.dateAscertained = d("2026-08-20") },
        .activity(243, "no due-to-lapse date") { $0.dueToLapseDate = nil },
        .activity(244, "due-to-lapse date in year 10000") { $0.dueToLapseDate = d("9999-12-31").adding(days: 1) },
        // Ascertained ≥ start and ascertained ≤ verified imply verified ≥ start,
        // so a verification before the start always breaks one of the others too.
        .activity(256, "verified before the start", also: [237]) { $0.dateVerified = d("2026-08-25") },
        .activity(257, "review after the predicted end") { $0.reviewDate = d("2027-08-31") },
        .activity(258, "predicted end before the start") {
            $0.predictedEndDate = d("2026-08-01")
            $0.dueToLapseDate = d("2026-08-01")
            $0.currencyLapsed = "Y"
        },
        .activity(258, "predicted end in year 10000") { $0.predictedEndDate = d("9999-12-31").adding(days: 1) },
        .activity(259, "education without a predicted end") { $0.predictedEndDate = nil },
        .activity(305, "verified after the period end") { $0.dateVerified = d("2026-11-05") },
        ReturnMutation(909, "Year 11 at school, started and verified last academic year") {
            $0.dateOfBirth = d("2011-01-15")
            $0.activity?.code = "110"
            $0.activity?.startDate = d("2025-09-01")
            $0.activity?.dateAscertained = d("2025-09-10")
            $0.activity?.dateVerified = d("2025-10-01")
        },
    ]

    static let guaranteeAndFile: [ReturnMutation] = [
        ReturnMutation(261, "Year 12 offer from LA 999") { $0.guarantees[1].laCode = "999" },
        ReturnMutation(903, "YoungPersonsID from database 886") { $0.youngPersonsID = "8860000123456" },
        ReturnMutation(904, "cohort status Z") { $0.cohortStatus = "Z" },
        ReturnMutation(905, "cohort G with no guarantee") {
            $0.cohortStatus = "G"
            $0.guaranteeStatusIndicator = "N"
            $0.guarantees = []
        },
        ReturnMutation(905, "cohort G with a guarantee that has no LA") {
            $0.cohortStatus = "G"
            $0.guaranteeStatusIndicator = "N"
            $0.guarantees = [ReturnGuarantee(year: .year11, status: "110", laCode: nil)]
        },
        ReturnMutation(906, "indicator Y with no guarantee") { $0.guarantees = [] },
    ]

    static let all = personalDetails + levelOfNeedAndDestination + activityCodes + activityDates + guaranteeAndFile
}

struct ReturnRulesMutationTests {
    @Test(arguments: ReturnMutations.all)
    func eachDefectProducesExactlyItsError(_ mutation: ReturnMutation) {
        let rules = mutation.rules
        #expect(!rules.check(ReturnFixture.good).map(\.error.number).contains(mutation.number))
        let findings = rules.check(mutation.mutated)
        #expect(Set(findings.map(\.error.number)) == Set([mutation.number]).union(mutation.alsoExpected))
        for finding in findings {
            #expect(finding.error == ReturnErrorCatalogue.error(finding.error.number))
            #expect(finding.personID == ReturnFixture.good.personID)
            #expect(finding.youngPersonsID == mutation.mutated.youngPersonsID)
        }
    }

    @Test(arguments: ReturnMutations.all)
    func detailsNeverNameThePersonTheirBirthDateOrAddress(_ mutation: ReturnMutation) {
        let record = mutation.mutated
        let details = mutation.rules.check(record).compactMap(\.detail)
        for value in ReturnFixture.personalValues(of: record) + ReturnFixture.personalValues(of: ReturnFixture.good) {
            #expect(!details.contains { $0.contains(value) }, "a detail repeats '\(value)'")
        }
    }

    /// With an unrecognised code the entry rules cannot run on a typed activity,
    /// but the rules that do not depend on the code must still report.
    @Test(arguments: ReturnMutations.all.filter { [39, 228, 237, 242, 256, 257, 258].contains($0.number) })
    func codeIndependentErrorsSurviveAnUnrecognisedCode(_ mutation: ReturnMutation) {
        var record = mutation.mutated
        record.activity?.code = "999"
        let found = Set(mutation.rules.check(record).map(\.error.number))
        #expect(found == Set([mutation.number, 201]).union(mutation.alsoExpected))
    }

    /// The acceptance criterion: every record-level rule in Appendix D has a
    /// good record that passes it and a bad one that fails it with its number.
    @Test func everyRecordLevelErrorHasAMutation() {
        let fileLevel: Set<Int> = [902, 907, 908]
        let covered = Set(ReturnMutations.all.map(\.number))
        let catalogue = Set(ReturnErrorCatalogue.all.map(\.number))
        #expect(catalogue.subtracting(fileLevel).subtracting(covered).isEmpty, "no mutation for these errors")
        #expect(covered.subtracting(catalogue).isEmpty)
    }
}
