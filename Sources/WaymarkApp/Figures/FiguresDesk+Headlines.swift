public import Foundation
public import WaymarkCore
import WaymarkStore

/// The headline figures read from the kept timelines (see `FigureTimelines`):
/// the same numbers the figures job would compute, in one small read, so the
/// figures page and the home page show them at once for any month.
extension FiguresDesk {
    /// The headline counts at the 24 month ends up to `monthEnd`.
    public func headlineTrend(through monthEnd: CalendarDate, for grant: AccessGrant) async throws -> HeadlineTrend {
        try grant.require(.figures)
        return try await HeadlineCountsRead(store: store).trend(responsibleLA: laCode.code, monthEnds: Self.monthEnds(through: monthEnd, count: 24))
    }

    /// The home page's LA figures: today, a week ago and the last twelve month ends (the sparkline).
    public func dashboard(at now: Date, for grant: AccessGrant) async throws -> LADashboard {
        try grant.require(.figures)
        let today = CalendarDate.today(from: now)
        let weekAgo = today.adding(days: -7)
        let months = Self.monthEnds(through: today.adding(days: 1 - today.day).adding(days: -1), count: 12)
        let counts = try await HeadlineCountsRead(store: store).counts(responsibleLA: laCode.code, on: months + [today, weekAgo])
        let comparators = try await ComparatorQueries(store: store).latest(upTo: today)
        return LADashboard(
            today: today, counts: counts[today] ?? StateCounts(), weekAgo: counts[weekAgo] ?? StateCounts(),
            months: months.map { HeadlineTrend.Point(date: $0, counts: counts[$0] ?? StateCounts()) }, comparators: comparators)
    }

    /// `count` month ends ending with the one `monthEnd` falls in, earliest first.
    static func monthEnds(through monthEnd: CalendarDate, count: Int) -> [CalendarDate] {
        FiguresReport.monthEnds(from: monthEnd.adding(days: 1 - monthEnd.day).adding(months: -(count - 1)), through: monthEnd.endOfMonth)
    }
}

/// What the home page shows a figures reader about the LA.
public struct LADashboard: Sendable {
    public let today: CalendarDate
    public let counts: StateCounts
    public let weekAgo: StateCounts
    /// The last twelve month ends, earliest first.
    public let months: [HeadlineTrend.Point]
    /// The latest England, regional and statistical-neighbour figures the LA loaded; a missing one is absent.
    public let comparators: [ComparatorFigure]
}
