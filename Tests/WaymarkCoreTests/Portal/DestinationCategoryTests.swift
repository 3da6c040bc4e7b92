import Testing
import WaymarkCore

@Suite struct DestinationCategoryTests {
    static func d(_ iso: String) -> CalendarDate { try! CalendarDate(iso: iso) }
    static let today = d("2026-11-18")

    @Test func eachGroupHasItsCategoryAndALapsedRecordIsNotKnownUnlessItIsNEET() {
        func of(_ code: ActivityCode?, lapses: String? = nil) -> DestinationCategory {
            DestinationCategory.of(activityCode: code, lapsesOn: lapses.map(Self.d), on: Self.today)
        }
        #expect(of(.furtherEducation) == .education)
        #expect(of(.apprenticeship) == .apprenticeship)
        #expect(of(.employmentWithoutTraining) == .employment)
        #expect(of(.traineeship) == .training)
        #expect(of(.seekingEET) == .neet)
        #expect(of(.reEngagementProvision) == .neet, "re-engagement is reported with NEET")
        #expect(of(.custodyYoungAdultOffender) == .other)
        #expect(of(nil) == .notKnown)
        #expect(of(.registeredAtSchoolInArea) == .notKnown, "a leftover pre-16 record says nothing about now")
        #expect(of(.cannotBeContacted) == .notKnown)
        #expect(of(.furtherEducation, lapses: "2026-11-17") == .notKnown, "lapsed the day before")
        #expect(of(.furtherEducation, lapses: "2026-11-18") == .education, "lapsing today is still current")
        #expect(of(.seekingEET, lapses: "2026-01-01") == .neet, "a lapsed NEET record stays NEET")
    }

    @Test func theLastThreeLeavingYearsAreThoseWhoseSummerHasPassed() {
        #expect(LeavingYear.recent(on: Self.today).map(\.year) == [2026, 2025, 2024])
        #expect(LeavingYear.recent(on: Self.d("2026-08-31")).map(\.year) == [2025, 2024, 2023], "the 2026 leavers are still on the roll until 31 August")
        #expect(LeavingYear.containing(Self.d("2026-08-31")) == LeavingYear(2026))
        #expect(LeavingYear.containing(Self.d("2026-09-01")) == LeavingYear(2027))
        #expect(LeavingYear(2026).label == "2025/26 leavers")
        #expect(LeavingYear(2026).firstDay == Self.d("2025-09-01") && LeavingYear(2026).lastDay == Self.d("2026-08-31"))
    }

    @Test func theReportCountsEveryCategoryWithSharesThatAddUp() {
        let report = DestinationReport(
            school: "Millbrook Park School", leavingYear: LeavingYear(2026), asAt: Self.today,
            categories: [.education, .education, .education, .apprenticeship, .neet, .notKnown, .notKnown, .employment])
        #expect(report.total == 8)
        #expect(report.rows.map(\.category) == DestinationCategory.allCases, "empty categories are listed with 0")
        #expect(report.count(.training) == 0)
        #expect(report.share(.education).percentageText == "37.5")
        #expect(report.csv.hasPrefix("Millbrook Park School: destinations of 2025/26 leavers as at 2026-11-18\r\nDestination,Leavers,Percentage\r\n"))
        #expect(report.csv.contains("Not known,2,25.0\r\n"))
        #expect(report.csv.hasSuffix("All leavers,8,100.0\r\n"))
        #expect(report.summary == "8 2025/26 leavers in all: education 3 (37.5%), apprenticeship 1 (12.5%), employment 1 (12.5%), NEET 1 (12.5%), not known 2 (25.0%).")
        let empty = DestinationReport(school: "Harbour Academy", leavingYear: LeavingYear(2024), asAt: Self.today)
        #expect(empty.total == 0 && empty.share(.neet).percentageText == "")
        #expect(empty.summary == "Harbour Academy has no 2023/24 leavers on record.")
    }
}
