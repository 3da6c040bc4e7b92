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
    /// Summed in the database, one column per day: every figures reader's home page asks for
    /// fourteen days, and reading the LA's thousands of steps into the process for each was
    /// more than the rest of the page.
    public func counts(responsibleLA: String, on days: [CalendarDate]) async throws -> [CalendarDate: StateCounts] {
        let sorted = Set(days).sorted()
        guard let last = sorted.last else { return [:] }
        var sums: SQLQueryString = ""
        for (index, day) in sorted.enumerated() {
            sums = sums + ", CAST(SUM(CASE WHEN day <= \(bind: day.iso) THEN delta ELSE 0 END) AS BIGINT) AS d\(unsafeRaw: String(index))"
        }
        let rows = try await store.sql.storedRows("""
            SELECT kind\(sums) FROM figure_step WHERE responsible_la = \(bind: responsibleLA) AND day <= \(bind: last.iso) GROUP BY kind
            """)
        var result = Dictionary(uniqueKeysWithValues: sorted.map { ($0, StateCounts()) })
        for row in rows {
            guard let kind = HeadlineTimeline.Kind(rawValue: try row.requiredText("kind", table: "figure_step")) else { continue }
            for (index, day) in sorted.enumerated() {
                let count = Int(try row.integer("d\(index)") ?? 0)
                switch kind {
                case .eet: result[day]?.eet = count
                case .neet: result[day]?.neet = count
                case .notKnown: result[day]?.notKnown = count
                case .other: result[day]?.other = count
                }
            }
        }
        return result
    }

    /// The headline counts at the month ends as a trend.
    public func trend(responsibleLA: String, monthEnds: [CalendarDate]) async throws -> HeadlineTrend {
        let counts = try await counts(responsibleLA: responsibleLA, on: monthEnds)
        return HeadlineTrend(points: monthEnds.map { HeadlineTrend.Point(date: $0, counts: counts[$0] ?? StateCounts()) })
    }
}
