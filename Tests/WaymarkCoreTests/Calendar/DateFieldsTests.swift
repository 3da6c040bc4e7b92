import Testing
import WaymarkCore

/// Day, month and year boxes: each way they can be wrong is named with the
/// boxes at fault, and nothing is guessed.
struct DateFieldsTests {
    func read(_ day: String, _ month: String, _ year: String) -> DateFields.Reading {
        DateFields(day: day, month: month, year: year).read()
    }

    func problem(_ kind: DateFields.Problem.Kind, _ parts: DateFields.Part...) -> DateFields.Reading {
        .problem(DateFields.Problem(kind: kind, parts: parts))
    }

    @Test func threeNumbersMakeADate() throws {
        #expect(read("27", "3", "2007") == .date(try CalendarDate(iso: "2007-03-27")))
        #expect(read(" 07 ", "03", "2007 ") == .date(try CalendarDate(iso: "2007-03-07")))
    }

    @Test func aMonthMayBeWritten() throws {
        #expect(read("1", "March", "2026") == .date(try CalendarDate(iso: "2026-03-01")))
        #expect(read("1", "sep", "2026") == .date(try CalendarDate(iso: "2026-09-01")))
        #expect(read("1", "Sept", "2026") == .date(try CalendarDate(iso: "2026-09-01")))
        #expect(read("1", "Ma", "2026") == problem(.notReal, .month))
        #expect(read("1", "Marc", "2026") == problem(.notReal, .month))
    }

    @Test func allBlankIsBlankNotAProblem() {
        #expect(read("", " ", "") == .blank)
        #expect(DateFields().isBlank)
        #expect(!DateFields(day: "", month: "", year: "2007").isBlank)
    }

    @Test func missingBoxesAreNamed() {
        #expect(read("27", "", "2007") == problem(.missing, .month))
        #expect(read("", "", "2007") == problem(.missing, .day, .month))
        #expect(read("27", "", "") == problem(.missing, .month, .year))
        #expect(DateFields.Problem(kind: .missing, parts: [.month]).message(for: "Date of birth") == "Date of birth must include a month")
        #expect(DateFields.Problem(kind: .missing, parts: [.day, .month]).message(for: "Date of birth") == "Date of birth must include a day and month")
    }

    @Test func badDaysAndMonthsAreNotRealDates() {
        #expect(read("32", "1", "2026") == problem(.notReal, .day))
        #expect(read("0", "1", "2026") == problem(.notReal, .day))
        #expect(read("31", "4", "2026") == problem(.notReal, .day))
        #expect(read("1", "13", "2026") == problem(.notReal, .month))
        #expect(read("x", "1", "2026") == problem(.notReal, .day))
        #expect(read("-1", "1", "2026") == problem(.notReal, .day))
        #expect(read("001", "1", "2026") == problem(.notReal, .day))
        #expect(read("1", "1", "20x6") == problem(.notReal, .year))
        #expect(DateFields.Problem(kind: .notReal, parts: [.day]).message(for: "The start date") == "The start date must be a real date")
    }

    @Test func twentyNinthFebruaryOnlyInLeapYears() throws {
        #expect(read("29", "2", "2024") == .date(try CalendarDate(iso: "2024-02-29")))
        #expect(read("29", "2", "2000") == .date(try CalendarDate(iso: "2000-02-29")))
        #expect(read("29", "2", "2026") == problem(.notReal, .day))
        #expect(read("29", "2", "1900") == problem(.notReal, .day))
    }

    @Test func twoDigitYearsAreRefusedNotGuessed() {
        #expect(read("27", "3", "07") == problem(.yearNotFourDigits, .year))
        #expect(read("27", "3", "207") == problem(.yearNotFourDigits, .year))
        #expect(read("27", "3", "20071") == problem(.notReal, .year))
        #expect(DateFields.Problem(kind: .yearNotFourDigits, parts: [.year]).message(for: "Date of birth").contains("4 numbers"))
    }

    @Test func aDateRoundTripsThroughItsBoxes() throws {
        let date = try CalendarDate(iso: "2009-11-05")
        let fields = DateFields(date)
        #expect(fields == DateFields(day: "5", month: "11", year: "2009"))
        #expect(fields.read() == .date(date))
    }
}
