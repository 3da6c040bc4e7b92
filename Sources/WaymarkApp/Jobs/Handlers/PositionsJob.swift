public import Foundation
import WaymarkCore
public import WaymarkStore
import WaymarkRecords

/// Recomputes the stored participation positions whose day has come (a
/// lapse, a birthday's academic year, a future activity starting) and fills
/// in anyone without one. Changes to records keep positions current in their
/// own transactions; this is only for what the passing of time changes.
struct PositionsJob: JobHandler {
    let jobs: StandardJobs

    func run(_ job: StoredJob, progress: JobProgress) async throws -> JobOutcome {
        guard case .positions(let day) = try jobs.request(job) else { throw JobFailure("A positions job was asked for something else.") }
        let refreshed = try await ParticipationPositions(store: jobs.store).refreshDue(on: day) { done in try await progress(done: done, total: nil) }
        // Anyone without a headline timeline (after the migration that added them).
        let timelines = try await FigureTimelines(store: jobs.store).refreshMissing()
        // Once a day is SQLite's advice for long-lived connections.
        try await jobs.store.database.refreshStatistics()
        return try .json(["refreshed": refreshed, "timelines": timelines])
    }
}

/// Asks for the day's positions job: at start, then every hour, so the
/// first check after midnight brings the queues up to date. Two servers
/// asking for the same day share one job.
public struct PositionsSchedule: Sendable {
    let desk: JobDesk
    let now: @Sendable () -> Date

    public init(store: Store, now: @escaping @Sendable () -> Date = { Date() }) {
        desk = JobDesk(store: store)
        self.now = now
    }

    /// Asks once for today's job unless it has already been done today.
    public func askForToday() async throws {
        let instant = now()
        _ = try await desk.refreshed(.positions(day: CalendarDate.today(from: instant)), by: nil, now: instant, lifetime: .infinity)
    }

    public func run(every interval: Duration = .seconds(3_600)) async {
        while !Task.isCancelled {
            try? await askForToday()
            try? await Task.sleep(for: interval)
        }
    }
}
