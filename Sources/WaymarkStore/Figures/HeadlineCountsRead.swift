import SQLKit
public import WaymarkCore

/// The LA's headline counts (EET, NEET, not known, other) on any days, from
/// the steps ``FigureTimelines`` keeps: one indexed read of a few thousand
/// small rows, whatever the size of the LA, instead of classifying everyone.
public struct HeadlineCountsRead: Sendable {
    let store: Store

    public init(store: Store) {
        self.store = store
    }

    /// The counts on each day; every day gets an entry (zeros before anything was recorded).
    public func counts(responsibleLA: String, on days: [CalendarDate]) async throws -> [CalendarDate: StateCounts] {
        guard let last = days.max() else { return [:] }
        let rows = try await store.sql.raw("""
            SELECT day, kind, delta FROM figure_step WHERE responsible_la = \(bind: responsibleLA) AND day <= \(bind: last.iso) AND delta <> 0
            """).all()
        var steps: [(day: CalendarDate, kind: HeadlineTimeline.Kind, delta: Int)] = []
        steps.reserveCapacity(rows.count)
        for row in rows {
            guard let day = try? CalendarDate(iso: row.decode(column: "day", as: String.self)),
                let kind = HeadlineTimeline.Kind(rawValue: try row.decode(column: "kind", as: String.self))
            else { continue }
            steps.append((day, kind, try row.decode(column: "delta", as: Int.self)))
        }
        return HeadlineSteps(steps).counts(on: days)
    }

    /// The headline counts at the month ends as a trend.
    public func trend(responsibleLA: String, monthEnds: [CalendarDate]) async throws -> HeadlineTrend {
        let counts = try await counts(responsibleLA: responsibleLA, on: monthEnds)
        return HeadlineTrend(points: monthEnds.map { HeadlineTrend.Point(date: $0, counts: counts[$0] ?? StateCounts()) })
    }
}
