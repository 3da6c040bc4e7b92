import Testing
import WaymarkCore

struct ActivityEntryRulesTests {
    func rules(_ activity: ActivityRecord) -> [String] { ActivityEntryRules.check(activity).map(\.rule) }

    let good = ActivityRecord(
        code: .furtherEducation, startDate: d("2026-09-01"), dateAscertained: d("2026-09-10"), dateVerified: d("2026-10-01"),
        predictedEndDate: d("2027-07-31"), establishmentNumber: "9904001")

    @Test func aGoodActivityPasses() {
        #expect(rules(good).isEmpty)
    }

    @Test func datesOutOfOrderAreRejectedWithTheirRuleNumbers() {
        var bad = good
        bad.dateAscertained = d("2026-08-31")
        #expect(rules(bad).contains("NCCIS 242"))
        bad = good
        bad.dateVerified = d("2026-08-01")
        #expect(Set(rules(bad)) == ["NCCIS 256", "NCCIS 237"])
        bad = good
        bad.predictedEndDate = d("2026-08-01")
        #expect(rules(bad) == ["NCCIS 258"])
    }

    @Test func neetStartDateRules() {
        var neet = ActivityRecord(code: .seekingEET, startDate: d("2026-09-01"), dateAscertained: d("2026-09-02"))
        #expect(rules(neet) == ["NCCIS 224"])
        neet.neetStartDate = d("2026-09-05")
        #expect(rules(neet) == ["NCCIS 225"])
        neet.neetStartDate = d("2026-07-01")
        #expect(rules(neet).isEmpty)
        var job = ActivityRecord(code: .apprenticeship, startDate: d("2026-09-01"), dateAscertained: d("2026-09-02"))
        job.neetStartDate = d("2026-07-01")
        #expect(rules(job) == ["NCCIS 226"])
    }

    @Test func requiredDatesAndIdentifiers() {
        var course = good
        course.predictedEndDate = nil
        #expect(rules(course) == ["NCCIS 259"])
        let gap = ActivityRecord(code: .gapYear, startDate: d("2026-09-01"), dateAscertained: d("2026-09-02"), predictedEndDate: d("2027-08-31"))
        #expect(rules(gap) == ["NCCIS 262"])
        var review = gap
        review.reviewDate = d("2027-09-30")
        #expect(rules(review) == ["NCCIS 257"])
        var numbers = good
        numbers.establishmentNumber = "99040"
        numbers.ukprn = "20001234"
        #expect(Set(rules(numbers)) == ["NCCIS 228", "NCCIS 39"])
    }

    @Test func validatedConstructorThrowsEveryViolationWithFieldAndMessage() {
        do {
            _ = try ActivityRecord.validated(code: .seekingEET, startDate: d("2026-09-10"), dateAscertained: d("2026-09-01"))
            Issue.record("expected a failure")
        } catch let failure as ValidationFailure {
            #expect(failure.violations.map(\.field) == ["DateAscertained", "NEETStartDate"])
            #expect(failure.description.contains("DateAscertained: The date ascertained cannot be before the start date (NCCIS 242)"))
        } catch {
            Issue.record("unexpected \(error)")
        }
    }
}

struct PersonRulesTests {
    let person = PersonContext(dateOfBirth: d("2010-03-14"), gender: .male, hasSEND: false, characteristics: [])
    let date = d("2026-11-30")

    func rules(_ code: ActivityCode, _ person: PersonContext? = nil) -> [String] {
        let activity = ActivityRecord(
            code: code, startDate: d("2026-09-01"), dateAscertained: d("2026-09-02"),
            neetStartDate: code.requiresNEETStartDate ? d("2026-09-01") : nil)
        return PersonActivityRules.check(activity, for: person ?? self.person, on: date).map(\.rule)
    }

    @Test func ageAndSENDRules() {
        #expect(rules(.apprenticeship).isEmpty)
        #expect(rules(.registeredAtSchoolInArea) == ["NCCIS 230"])
        var younger = person
        younger.dateOfBirth = d("2011-03-14")
        #expect(rules(.apprenticeship, younger) == ["NCCIS 229"])
        #expect(rules(.dwpTrainingAndSupport) == ["NCCIS 253"])
        #expect(rules(.supportedInternship) == ["NCCIS 255"])
        #expect(rules(.independentSpecialistProvider) == ["NCCIS 254"])
        var send = person
        send.hasSEND = true
        #expect(rules(.supportedInternship, send).isEmpty)
    }

    @Test func characteristicRules() {
        #expect(rules(.notAvailableYoungCarer) == ["NCCIS 233"])
        #expect(rules(.notAvailableTeenageParent) == ["NCCIS 234"])
        var carer = person
        carer.characteristics = [.carerNotOwnChild]
        #expect(rules(.notAvailableYoungCarer, carer).isEmpty)
        var pregnant = person
        pregnant.characteristics = [.pregnancy]
        #expect(rules(.notAvailablePregnancy, pregnant) == ["NCCIS 260"])
        pregnant.gender = .female
        #expect(rules(.notAvailablePregnancy, pregnant).isEmpty)
    }

    @Test func neetStartBeforeFifteenthBirthdayIsRejected() {
        let activity = ActivityRecord(code: .seekingEET, startDate: d("2026-09-01"), dateAscertained: d("2026-09-02"), neetStartDate: d("2025-03-13"))
        #expect(PersonActivityRules.check(activity, for: person, on: date).map(\.rule) == ["NCCIS 251"])
    }
}

struct IdentityRulesTests {
    let good = YoungPersonIdentity(
        givenName: "Zoë", middleNames: "Anne-Marie", familyName: "O'Brien-Smith", dateOfBirth: d("2010-03-14"),
        gender: .female, ethnicity: .whiteIrish, upn: "H990123456789", uln: "1234567890")

    @Test func realNamesWithAccentsHyphensAndApostrophesPass() {
        #expect(good.violations().isEmpty)
    }

    @Test func badIdentityFieldsNameTheirRules() {
        var bad = good
        bad.givenName = " "
        bad.familyName = "Sm1th"
        bad.middleNames = "(none)"
        bad.uln = "12345"
        bad.upn = "H99"
        #expect(bad.violations().map(\.rule) == ["NCCIS 2", "NCCIS 45", "NCCIS 46", "NCCIS 30", "NCCIS 38"])
        #expect(throws: ValidationFailure.self) { try bad.validated() }
    }

    @Test func sendAndSENSupportTogetherAreRejected() {
        let need = NeedAssessment(levelOfNeed: .supported, hasSEND: true, hasSENSupport: true, validFrom: d("2026-09-01"))
        #expect(need.violations().map(\.rule) == ["NCCIS 306"])
    }
}
