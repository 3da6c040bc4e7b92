/// The statutory figures for a set of dates, earliest first.
public struct FiguresReport: Sendable, Equatable, Codable {
    /// One entry per reported date, in date order: the trend.
    public let months: [MonthFigures]

    public init(months: [MonthFigures]) {
        self.months = months.sorted { $0.date < $1.date }
    }

    /// The figures for a date, if it was computed.
    public func month(_ date: CalendarDate) -> MonthFigures? {
        months.first { $0.date == date }
    }

    /// The annual NEET and not-known figure: the mean of the end-December, end-January and
    /// end-February percentages of an academic year (DfE `Cohort_DJFavg`, reference §7).
    ///
    /// Nil when any of the three month-ends was not computed, or had an empty cohort: an
    /// average of two months would pass for the statutory figure without being it.
    public func decemberToFebruaryAverage(forAcademicYear year: AcademicYear) -> ThreeMonthAverage? {
        ThreeMonthAverage.decemberToFebruary(of: year) { month($0)?.headline }
    }

    /// The last day of a month; `month` must be 1–12.
    public static func monthEnd(year: Int, month: Int) -> CalendarDate {
        precondition((1...12).contains(month), "month must be 1–12, got \(month)")
        return CalendarDate(unchecked: year, month, 1).endOfMonth
    }

    /// The last day of every month that falls between the two dates, both included:
    /// 2026-09-15 through 2027-01-31 gives 30 Sep, 31 Oct, 30 Nov, 31 Dec and 31 Jan.
    public static func monthEnds(from start: CalendarDate, through end: CalendarDate) -> [CalendarDate] {
        var found: [CalendarDate] = []
        var candidate = start.endOfMonth
        while candidate <= end {
            found.append(candidate)
            candidate = candidate.adding(days: 1).endOfMonth
        }
        return found
    }
}

/// The mean of three month-end percentages (0–100).
public struct ThreeMonthAverage: Sendable, Equatable {
    /// The month-ends averaged, earliest first.
    public let dates: [CalendarDate]
    public let neetPercentage: Double
    public let notKnownPercentage: Double
    public let neetOrNotKnownPercentage: Double

    /// The mean of the end-December, end-January and end-February percentages of an academic year;
    /// nil when a month end is missing or had an empty cohort.
    static func decemberToFebruary(of year: AcademicYear, counts: (CalendarDate) -> StateCounts?) -> ThreeMonthAverage? {
        let dates = [
            FiguresReport.monthEnd(year: year.startYear, month: 12),
            FiguresReport.monthEnd(year: year.startYear + 1, month: 1),
            FiguresReport.monthEnd(year: year.startYear + 1, month: 2),
        ]
        let found = dates.compactMap(counts)
        guard found.count == 3 else { return nil }
        func mean(_ rate: (StateCounts) -> Proportion) -> Double? {
            let percentages = found.compactMap { rate($0).percentage }
            return percentages.count == 3 ? (percentages[0] + percentages[1] + percentages[2]) / 3 : nil
        }
        guard let neet = mean(\.neetRate), let notKnown = mean(\.notKnownRate), let either = mean(\.neetOrNotKnownRate) else {
            return nil
        }
        return ThreeMonthAverage(dates: dates, neetPercentage: neet, notKnownPercentage: notKnown, neetOrNotKnownPercentage: either)
    }
}
