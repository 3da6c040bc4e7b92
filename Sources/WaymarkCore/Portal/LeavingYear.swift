/// A school's leavers are counted by the summer they left: leaving year 2026
/// is academic year 2025/26, and a stay that ended on any day of it (a Year 11
/// roll ends on 31 August) belongs to it.
public struct LeavingYear: Sendable, Hashable, Comparable, Codable {
    /// The calendar year of the summer that ends it.
    public let year: Int

    public init(_ year: Int) {
        self.year = year
    }

    public var academicYear: AcademicYear { AcademicYear(startYear: year - 1) }
    public var firstDay: CalendarDate { academicYear.firstDay }
    public var lastDay: CalendarDate { academicYear.lastDay }

    /// "2025/26 leavers".
    public var label: String { "\(year - 1)/\(String(year).suffix(2)) leavers" }

    /// The year a stay ending on `day` was left in.
    public static func containing(_ day: CalendarDate) -> LeavingYear {
        LeavingYear(AcademicYear(containing: day).startYear + 1)
    }

    /// The `count` leaving years whose summers have passed on `today`, newest
    /// first: in December 2026 the 2026, 2025 and 2024 leavers (Gatsby
    /// Benchmark 3 asks for three years; the reach rule keeps them in sight).
    public static func recent(on today: CalendarDate, count: Int = 3) -> [LeavingYear] {
        let newest = AcademicYear(containing: today).startYear
        return (0..<max(0, count)).map { LeavingYear(newest - $0) }
    }

    public static func < (lhs: LeavingYear, rhs: LeavingYear) -> Bool { lhs.year < rhs.year }
}
