/// A day in the proleptic Gregorian calendar, with no time and no time zone.
///
/// Dates of birth, activity dates and period ends are calendar days; holding
/// them as instants invites off-by-one errors at midnight in British Summer
/// Time. Ordering and arithmetic go through a day number, so they are exact.
public struct CalendarDate: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    /// A checked date; 30 February or month 13 is an error naming the field.
    public init(year: Int, month: Int, day: Int, field: String = "date") throws {
        guard (1...12).contains(month), year >= 1, year <= 9999,
            (1...CalendarDate.daysIn(month: month, year: year)).contains(day)
        else {
            throw InvalidDateError(field: field, value: "\(year)-\(month)-\(day)")
        }
        self.year = year
        self.month = month
        self.day = day
    }

    /// For dates known to exist (constants, arithmetic results).
    init(unchecked year: Int, _ month: Int, _ day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses `YYYY-MM-DD` (CCYY-MM-DD in the standard) strictly.
    public init(iso text: String, field: String = "date") throws {
        let bytes = Array(text.utf8)
        func digits(_ range: Range<Int>) -> Int? {
            var value = 0
            for index in range {
                let byte = bytes[index]
                guard byte >= 48, byte <= 57 else { return nil }
                value = value * 10 + Int(byte - 48)
            }
            return value
        }
        guard bytes.count == 10, bytes[4] == 45, bytes[7] == 45,
            let year = digits(0..<4), let month = digits(5..<7), let day = digits(8..<10)
        else {
            throw InvalidDateError(field: field, value: text)
        }
        guard (1...12).contains(month), year >= 1, (1...CalendarDate.daysIn(month: month, year: year)).contains(day) else {
            throw InvalidDateError(field: field, value: text)
        }
        self.init(unchecked: year, month, day)
    }

    public var description: String { iso }

    /// `YYYY-MM-DD`.
    public var iso: String {
        func pad(_ value: Int, _ width: Int) -> String {
            let text = String(value)
            return String(repeating: "0", count: max(0, width - text.count)) + text
        }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }

    public static func < (lhs: CalendarDate, rhs: CalendarDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    public static func isLeapYear(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: isLeapYear(year) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// Days since 1970-01-01 (Howard Hinnant's days_from_civil).
    public var dayNumber: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let monthIndex = (month + 9) % 12
        let dayOfYear = (153 * monthIndex + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// About a million years either side of 1970: far enough that a date
    /// carried past 9999 by arithmetic stays past it (the return rules report
    /// such dates), near enough that nothing below can overflow.
    static let dayNumbers = -365_000_000...365_000_000

    /// The date with a given day number (civil_from_days). A number beyond
    /// `dayNumbers` stops at its end, so that a count read from a file
    /// cannot make the arithmetic trap.
    public init(dayNumber unclamped: Int) {
        let dayNumber = min(max(unclamped, Self.dayNumbers.lowerBound), Self.dayNumbers.upperBound)
        let z = dayNumber + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        self.init(unchecked: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    /// Stops a million years out rather than overflowing.
    public func adding(days: Int) -> CalendarDate {
        let (sum, overflow) = dayNumber.addingReportingOverflow(days)
        return CalendarDate(dayNumber: overflow ? (days < 0 ? Int.min : Int.max) : sum)
    }

    /// Adds calendar months, clamping to the month's last day (31 Jan + 1 month
    /// = 28/29 Feb). Like day arithmetic, it stops a million years out.
    public func adding(months: Int) -> CalendarDate {
        let span = 12 * 1_000_000
        guard months > -span, months < span else { return CalendarDate(dayNumber: months < 0 ? Int.min : Int.max) }
        let index = year * 12 + (month - 1) + months
        // Floor division: before year 1 the index is negative, and month 0 does not exist.
        let newYear = index >= 0 ? index / 12 : (index - 11) / 12
        let newMonth = index - newYear * 12 + 1
        let result = CalendarDate(unchecked: newYear, newMonth, min(day, CalendarDate.daysIn(month: newMonth, year: newYear)))
        // Past the day-number range, stop where day arithmetic stops, so both agree.
        return Self.dayNumbers.contains(result.dayNumber) ? result : CalendarDate(dayNumber: result.dayNumber)
    }

    /// Days from `self` to `other` (positive when `other` is later).
    public func days(until other: CalendarDate) -> Int { other.dayNumber - dayNumber }

    /// The last day of this date's month: the period end of a monthly return.
    public var endOfMonth: CalendarDate {
        CalendarDate(unchecked: year, month, CalendarDate.daysIn(month: month, year: year))
    }

    /// Completed years from `self` to `date`. Someone born on 29 February
    /// reaches a birthday on 1 March in common years, as in English law.
    public func completedYears(to date: CalendarDate) -> Int {
        var years = date.year - year
        if (date.month, date.day) < (month, day) { years -= 1 }
        return years
    }
}

/// A date that does not exist or is not written as the standard requires.
public struct InvalidDateError: Error, Equatable, Sendable, CustomStringConvertible {
    public let field: String
    public let value: String

    public init(field: String, value: String) {
        self.field = field
        self.value = value
    }

    public var description: String {
        "\(field): '\(value)' is not a real date in the form YYYY-MM-DD"
    }
}
