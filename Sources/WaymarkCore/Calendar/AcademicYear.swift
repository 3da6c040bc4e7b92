/// An English academic year, 1 September to 31 August, named by the year it starts.
public struct AcademicYear: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    /// The calendar year of the 1 September the academic year begins on.
    public let startYear: Int

    public init(startYear: Int) {
        self.startYear = startYear
    }

    /// The academic year a date falls in.
    public init(containing date: CalendarDate) {
        startYear = date.month >= 9 ? date.year : date.year - 1
    }

    /// 1 September.
    public var firstDay: CalendarDate { CalendarDate(unchecked: startYear, 9, 1) }

    /// 31 August of the following calendar year.
    public var lastDay: CalendarDate { firstDay.adding(years: 1).adding(days: -1) }

    /// 31 August before the year starts: the day academic age is measured on.
    public var ageReferenceDay: CalendarDate { firstDay.adding(days: -1) }

    public var description: String { "\(startYear)/\(String(startYear + 1).suffix(2))" }

    public static func < (lhs: AcademicYear, rhs: AcademicYear) -> Bool { lhs.startYear < rhs.startYear }
}

extension CalendarDate {
    public func adding(years: Int) -> CalendarDate { adding(months: years * 12) }
}
