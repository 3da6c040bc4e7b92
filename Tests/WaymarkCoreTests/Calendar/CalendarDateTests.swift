import Testing
import WaymarkCore

struct CalendarDateTests {
    @Test func parsesAndPrintsISODates() throws {
        let date = try CalendarDate(iso: "2008-02-29")
        #expect(date.year == 2008 && date.month == 2 && date.day == 29)
        #expect(date.iso == "2008-02-29")
    }

    @Test(arguments: ["2007-02-29", "2026-13-01", "2026-04-31", "26-01-01", "2026/01/01", "2026-1-01", "", "2026-01-0x"])
    func rejectsImpossibleOrMalformedDates(_ text: String) {
        #expect(throws: InvalidDateError(field: "DOB", value: text)) { try CalendarDate(iso: text, field: "DOB") }
    }

    @Test func errorNamesTheFieldAndTheRule() {
        let error = InvalidDateError(field: "StartDate", value: "2026-02-30")
        #expect(error.description == "StartDate: '2026-02-30' is not a real date in the form YYYY-MM-DD")
    }

    @Test func dayNumbersRoundTripAcrossCenturiesAndLeapDays() {
        for text in ["1970-01-01", "2000-02-29", "1900-03-01", "2024-12-31", "2100-02-28"] {
            let date = d(text)
            #expect(CalendarDate(dayNumber: date.dayNumber) == date)
        }
        #expect(d("1970-01-01").dayNumber == 0)
        #expect(d("2000-03-01").dayNumber - d("2000-02-28").dayNumber == 2)
        #expect(d("1900-03-01").dayNumber - d("1900-02-28").dayNumber == 1)
    }

    @Test func addingMonthsClampsToTheEndOfShortMonths() {
        #expect(d("2026-01-31").adding(months: 1) == d("2026-02-28"))
        #expect(d("2028-01-31").adding(months: 1) == d("2028-02-29"))
        #expect(d("2026-11-15").adding(months: 3) == d("2027-02-15"))
        #expect(d("2026-03-31").adding(months: -1) == d("2026-02-28"))
    }

    @Test func leapDayBirthdaysArriveOnFirstMarchInCommonYears() {
        let born = d("2008-02-29")
        #expect(born.completedYears(to: d("2025-02-28")) == 16)
        #expect(born.completedYears(to: d("2025-03-01")) == 17)
        #expect(born.completedYears(to: d("2028-02-29")) == 20)
    }

    @Test func academicYearRunsFromSeptemberToAugust() {
        #expect(AcademicYear(containing: d("2026-08-31")).startYear == 2025)
        #expect(AcademicYear(containing: d("2026-09-01")).startYear == 2026)
        #expect(AcademicYear(startYear: 2026).lastDay == d("2027-08-31"))
        #expect(AcademicYear(startYear: 2026).description == "2026/27")
    }
}
