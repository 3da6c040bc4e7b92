import Testing
import WaymarkCore

/// Arithmetic at the ends of the calendar: a day or month count read from a
/// file can be any Int. The result is a date (perhaps past 9999, which the
/// return rules report), never a trap.
struct CalendarDateEdgesTests {
    let date = try! CalendarDate(iso: "2026-01-31")

    func isReal(_ date: CalendarDate) -> Bool {
        (1...12).contains(date.month) && (1...CalendarDate.daysIn(month: date.month, year: date.year)).contains(date.day)
    }

    @Test func hugeDayNumbersStopAMillionYearsOut() {
        for extreme in [Int.max, Int.min] {
            let far = CalendarDate(dayNumber: extreme)
            #expect(abs(far.year - 1970) > 999_000 && abs(far.year - 1970) < 1_001_000)
            #expect(isReal(far) && CalendarDate(dayNumber: far.dayNumber) == far)
        }
    }

    @Test func addingHugeCountsStopsInsteadOfTrapping() {
        #expect(date.adding(days: .max).year > 990_000)
        #expect(date.adding(days: .min).year < -990_000)
        #expect(date.adding(months: .max).year > 990_000)
        #expect(date.adding(months: .min).year < -990_000)
        #expect(date.adding(months: 11_999_999) == CalendarDate(dayNumber: .max), "months stop where days stop")
        #expect([date.adding(days: .max), date.adding(days: .min), date.adding(months: .max), date.adding(months: .min)].allSatisfy(isReal))
    }

    @Test func aDateCarriedPastTheCalendarStaysPastIt() throws {
        #expect(try CalendarDate(iso: "9999-12-31").adding(days: 1).year == 10_000, "the return rules report it as unwritable")
        #expect(date.adding(months: 12 * 7_974).year == 10_000)
    }

    @Test func monthsBeforeYearOneAreRealMonths() throws {
        let early = try CalendarDate(iso: "0001-01-15")
        let before = early.adding(months: -13)
        #expect((before.year, before.month, before.day) == (-1, 12, 15))
        #expect(before.adding(months: 13) == early)
        #expect(date.adding(months: 1) == (try CalendarDate(iso: "2026-02-28")))
    }
}
