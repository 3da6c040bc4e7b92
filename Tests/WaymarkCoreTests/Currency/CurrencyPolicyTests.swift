import Testing
import WaymarkCore

struct CurrencyPolicyTests {
    let policy = CurrencyPolicy.waymarkDefault

    func job(verified: String) -> ActivityRecord {
        ActivityRecord(code: .employmentWithoutTraining, startDate: d("2026-01-05"), dateAscertained: d("2026-01-10"), dateVerified: d(verified))
    }

    @Test func lapsesOnlyWhenTheDueDateIsBeforeThePeriodEnd() {
        // given employment (6 months) verified on 31 May: due 30 November
        let activity = job(verified: "2026-05-31")
        #expect(policy.dueToLapseDate(for: activity) == d("2026-11-30"))
        // then at a period end equal to the due date it is still current (error 232's boundary)
        #expect(!policy.hasLapsed(activity, at: d("2026-11-30")))
        // and the day after it has lapsed (error 231's boundary)
        #expect(policy.hasLapsed(activity, at: d("2026-12-01")))
    }

    @Test func currencyNeverRunsPastThePredictedEndDate() {
        let course = ActivityRecord(
            code: .furtherEducation, startDate: d("2025-09-01"), dateAscertained: d("2025-09-10"), predictedEndDate: d("2026-06-30"))
        #expect(policy.dueToLapseDate(for: course) == d("2026-06-30"))
        #expect(policy.hasLapsed(course, at: d("2026-07-31")))
    }

    @Test func aReviewDateBringsTheLapseForward() {
        let temporary = ActivityRecord(
            code: .temporaryEmployment, startDate: d("2026-03-01"), dateAscertained: d("2026-03-02"), reviewDate: d("2026-04-30"))
        #expect(policy.dueToLapseDate(for: temporary) == d("2026-04-30"))
        let ignoringReview = CurrencyPolicy(periods: policy.periods, reviewDateCapsCurrency: false)
        #expect(ignoringReview.dueToLapseDate(for: temporary) == d("2026-09-02"))
    }

    @Test func preSixteenActivityLastsToTheEndOfTheAcademicYear() {
        let school = ActivityRecord(code: .registeredAtSchoolInArea, startDate: d("2021-09-01"), dateAscertained: d("2026-10-01"))
        #expect(policy.dueToLapseDate(for: school) == d("2027-08-31"))
    }

    @Test func periodsAreConfigurable() {
        var custom = policy
        custom.periods[.employment] = .months(3)
        #expect(custom.dueToLapseDate(for: job(verified: "2026-05-31")) == d("2026-08-31"))
    }
}
