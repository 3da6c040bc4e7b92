import Testing
import WaymarkCore

struct ParticipationClassifierTests {
    let classifier = ParticipationClassifier()
    let periodEnd = d("2026-11-30")
    let sixteen = d("2010-03-14")  // academic age 16 in 2026/27

    func facts(_ activity: ActivityRecord?, born: CalendarDate? = nil, status: CohortStatus = .primary, send: Bool = false) -> ParticipationFacts {
        ParticipationFacts(dateOfBirth: born ?? sixteen, cohortStatus: status, hasSEND: send, currentActivity: activity)
    }

    func activity(_ code: ActivityCode, verified: String = "2026-10-01", end: String? = "2028-07-31") -> ActivityRecord {
        ActivityRecord(
            code: code, startDate: d("2026-09-01"), dateAscertained: d("2026-09-15"), dateVerified: d(verified),
            predictedEndDate: end.map(d), neetStartDate: code.requiresNEETStartDate ? d("2026-09-01") : nil)
    }

    @Test func currentEducationIsEET() {
        #expect(classifier.classify(facts(activity(.sixthFormCollege)), on: periodEnd) == .eet(.education))
    }

    @Test func lapsedEETCountsAsNotKnown() {
        // verified 2025-10-01 + 12 months = 2026-10-01, before the period end
        let stale = activity(.sixthFormCollege, verified: "2025-10-01")
        var old = stale
        old.startDate = d("2025-09-01")
        old.dateAscertained = d("2025-09-15")
        #expect(classifier.classify(facts(old), on: periodEnd) == .notKnown(.lapsed))
    }

    @Test func lapsedNEETStaysNEET() {
        var neet = activity(.seekingEET, verified: "2026-01-10", end: nil)
        neet.startDate = d("2026-01-05")
        neet.dateAscertained = d("2026-01-10")
        neet.neetStartDate = d("2026-01-05")
        #expect(CurrencyPolicy.waymarkDefault.hasLapsed(neet, at: periodEnd))
        #expect(classifier.classify(facts(neet), on: periodEnd) == .neet)
    }

    @Test func reEngagementIsCountedWithNEET() {
        #expect(classifier.classify(facts(activity(.reEngagementProvision, end: nil)), on: periodEnd) == .neet)
    }

    @Test func notKnownCodesAndMissingActivityAreNotKnown() {
        #expect(classifier.classify(facts(activity(.cannotBeContacted, end: nil)), on: periodEnd) == .notKnown(.recordedNotKnown))
        #expect(classifier.classify(facts(nil), on: periodEnd) == .notKnown(.noActivity))
    }

    @Test func custodyIsOtherAndLeftOutOfTheDenominator() {
        let state = classifier.classify(facts(activity(.custodyYoungAdultOffender, end: nil)), on: periodEnd)
        #expect(state == .other)
        #expect(!state.isInDenominator)
    }

    @Test func leaversYearElevenAndOlderPeopleAreNotInTheCohort() {
        #expect(classifier.classify(facts(activity(.apprenticeship), status: .transferred), on: periodEnd) == .notInCohort(.leaver))
        #expect(classifier.classify(facts(nil, born: d("2011-01-01")), on: periodEnd) == .notInCohort(.compulsorySchoolAge))
        #expect(classifier.classify(facts(activity(.apprenticeship), born: d("2006-01-01")), on: periodEnd) == .notInCohort(.outsideTrackedAges))
    }

    @Test func olderYoungPeopleWithSENDAreInTheCohort() {
        let state = classifier.classify(facts(activity(.supportedInternship), born: d("2005-01-01"), send: true), on: periodEnd)
        #expect(state == .eet(.training))
    }

    @Test func septemberGuaranteeCohortStatusStillCounts() {
        #expect(classifier.classify(facts(activity(.apprenticeship), status: .septemberGuarantee), on: periodEnd) == .eet(.employment))
    }

    @Test func historyPicksTheLatestStartOnOrBeforeTheDate() {
        let first = activity(.sixthFormCollege)
        var second = activity(.seekingEET, end: nil)
        second.startDate = d("2026-12-01")
        second.dateAscertained = d("2026-12-02")
        second.dateVerified = nil
        #expect(ActivityHistory.current(in: [first, second], on: periodEnd) == first)
        #expect(ActivityHistory.current(in: [first, second], on: d("2026-12-01")) == second)
        #expect(ActivityHistory.current(in: [second], on: periodEnd) == nil)
    }
}
