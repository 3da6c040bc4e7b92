/// The days a diary page shows: one day, or the Monday-to-Sunday week that
/// holds a date, with the periods either side for "previous" and "next".
public struct DiaryPeriod: Sendable, Equatable {
    public enum Span: String, Sendable, CaseIterable {
        case day, week
    }

    public let span: Span
    public let days: [CalendarDate]

    public init(_ span: Span, around date: CalendarDate) {
        self.span = span
        switch span {
        case .day:
            days = [date]
        case .week:
            let monday = date.adding(days: -date.weekdayFromMonday)
            days = (0..<7).map { monday.adding(days: $0) }
        }
    }

    public var first: CalendarDate { days[0] }
    public var last: CalendarDate { days[days.count - 1] }
    /// The day after the period, where it stops (exclusive).
    public var end: CalendarDate { last.adding(days: 1) }
    public var previous: DiaryPeriod { DiaryPeriod(span, around: first.adding(days: -days.count)) }
    public var next: DiaryPeriod { DiaryPeriod(span, around: end) }

    public func contains(_ date: CalendarDate) -> Bool { first <= date && date < end }
}

extension CalendarDate {
    /// 0 for Monday … 6 for Sunday. Day 0 (1 January 1970) was a Thursday.
    public var weekdayFromMonday: Int {
        ((dayNumber + 3) % 7 + 7) % 7
    }

    /// "Monday", "Tuesday" …
    public var weekdayName: String {
        ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"][weekdayFromMonday]
    }
}
