/// What a young person was doing at 16 (Year 12) or 17 (Year 13), as the
/// back-test counts it: NEET if the activity current at any of the month
/// ends December, January and February (the DfE's annual measure) was NEET;
/// in education, employment or training if not NEET at any and EET at one;
/// otherwise unknown, and left out of the back-test.
public enum NEETOutcome: String, Sendable, Codable, Equatable {
    case neet
    case notNEET = "not-neet"
    case unknown

    /// The three month ends of the academic year starting `startYear`.
    public static func monthEnds(academicYear startYear: Int) -> [CalendarDate] {
        [CalendarDate(unchecked: startYear, 12, 31), CalendarDate(unchecked: startYear + 1, 1, 31),
         CalendarDate(unchecked: startYear + 1, 3, 1).adding(days: -1)]
    }

    /// The outcome in the academic year starting `startYear`; unknown while its February has not ended on `today`.
    public static func of(_ activities: [ActivityRecord], academicYear startYear: Int, today: CalendarDate) -> NEETOutcome {
        let ends = monthEnds(academicYear: startYear)
        guard let last = ends.last, last <= today else { return .unknown }
        var eet = false
        for end in ends {
            guard let current = ActivityHistory.current(in: activities, on: end) else { continue }
            if current.code.group.isNEET { return .neet }
            if current.code.group.isEET { eet = true }
        }
        return eet ? .notNEET : .unknown
    }

    /// The outcome at academic age 16 (`age` 16) or 17, for someone whose Year 11 began in `year11Start`.
    public static func at(age: Int, year11Start: Int, activities: [ActivityRecord], today: CalendarDate) -> NEETOutcome {
        of(activities, academicYear: year11Start + age - 15, today: today)
    }
}
