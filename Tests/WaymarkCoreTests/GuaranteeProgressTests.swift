import Testing

@testable import WaymarkCore

/// The guarantee through an autumn: each record counts from the day it was
/// recorded, the cohort is the one classification's, and the last point is
/// the month's own guarantee figure.
struct GuaranteeProgressTests {
    let la = LocalAuthorityCode.serviceChildrensEducation
    let thisYear = AcademicYear(startYear: 2026)

    func person(_ id: Int64, born: String, _ guarantees: [GuaranteeRecord]) -> FigureFacts {
        FigureFacts(
            personID: id, dateOfBirth: d(born), gender: .female, ethnicity: .whiteBritish, cohortStatus: .primary,
            activities: [ActivityRecord(code: .schoolSixthForm, startDate: d("2026-09-01"), dateAscertained: d("2026-09-01"))],
            guarantees: guarantees)
    }

    func offer(_ year: GuaranteeYear, _ status: GuaranteeStatus = .offerMade, on day: String?) -> GuaranteeRecord {
        GuaranteeRecord(year: year, academicYear: thisYear, status: status, laCode: la, recordedOn: day.map(d))
    }

    @Test func theDatesAreWeeklyFromSeptemberToTheMonthEndAndNoLaterThanMarch() {
        let november = GuaranteeProgress.dates(through: d("2026-11-30"))
        #expect(november.first == d("2026-09-07") && november.last == d("2026-11-30"))
        #expect(november.count == 13, "12 weeks from 7 September to 23 November, then the month end")
        #expect(zip(november, november.dropFirst()).dropLast().allSatisfy { $0.days(until: $1) == 7 })
        #expect(GuaranteeProgress.dates(through: d("2026-09-30")) == [d("2026-09-07"), d("2026-09-14"), d("2026-09-21"), d("2026-09-28"), d("2026-09-30")])
        #expect(GuaranteeProgress.dates(through: d("2027-06-30")).last == d("2027-03-31"), "April to August show the guarantee already run")
    }

    @Test func aRecordCountsFromTheDayItWasRecordedAndTheLastPointIsTheMonthsFigure() throws {
        let people = [
            person(1, born: "2010-03-01", [offer(.year11, on: "2026-06-10")]),                                   // 16: offer before term
            person(2, born: "2010-04-01", [offer(.year11, on: "2026-10-02")]),                                   // 16: offer in October
            person(3, born: "2009-03-01", [offer(.year12, .continuingInEducation, on: "2026-09-15")]),          // 17: offer mid-September
            // 17: "has not applied" first, an offer recorded later replaces it from its own day.
            person(4, born: "2009-04-01", [offer(.year12, .hasNotApplied, on: "2026-09-01"), offer(.year12, on: "2026-11-20")]),
            person(5, born: "2010-05-01", [offer(.year11, on: nil)]),                                            // undated: counts throughout
            person(6, born: "2010-06-01", []),                                                                  // nothing: not recorded
        ]
        let monthEnd = d("2026-11-30")
        var progress = GuaranteeProgressCalculator(dates: GuaranteeProgress.dates(through: monthEnd))
        var month = FiguresCalculator(dates: [monthEnd])
        for facts in people {
            progress.add(facts)
            month.add(facts)
        }
        let points = progress.result.points
        func at(_ day: String) throws -> GuaranteeFigures { try #require(points.first { $0.date == d(day) }).figures }

        #expect(try at("2026-09-07").all == GuaranteeCounts(offerMade: 2, noOffer: 1, notRecorded: 3))
        #expect(try at("2026-09-21")[.year12] == GuaranteeCounts(offerMade: 1, noOffer: 1))
        #expect(try at("2026-10-05")[.year11] == GuaranteeCounts(offerMade: 3, notRecorded: 1))
        #expect(try at("2026-11-23").all == GuaranteeCounts(offerMade: 5, notRecorded: 1))
        #expect(points.allSatisfy { $0.figures.all.cohort == 6 }, "the same six 16- and 17-year-olds at every point")
        let last = try #require(points.last)
        #expect(last.date == monthEnd)
        #expect(last.figures == month.result.month(monthEnd)?.guarantee, "the chart's last point is the figure the page writes")
        #expect(points.map(\.figures.all.offerMade) == points.map(\.figures.all.offerMade).sorted(), "offers only grow here")
    }

    @Test func aMonthsGuaranteeLeavesOutWhatWasRecordedAfterIt() throws {
        var september = FiguresCalculator(dates: [d("2026-09-30")])
        september.add(person(1, born: "2010-03-01", [offer(.year11, on: "2026-10-02")]))
        #expect(try #require(september.result.month(d("2026-09-30"))).guarantee.all == GuaranteeCounts(notRecorded: 1))
    }
}
