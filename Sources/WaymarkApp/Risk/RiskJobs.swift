public import Foundation
public import WaymarkCore
import WaymarkRecords
public import WaymarkStore

/// Recomputes every score (the lists' refresh).
struct RiskScoresJob: JobHandler {
    let jobs: StandardJobs

    func run(_ job: StoredJob, progress: JobProgress) async throws -> JobOutcome {
        guard case .riskScores(let day) = try jobs.request(job) else { throw JobFailure("A risk scores job was asked for something else.") }
        let result = try await RiskRefresh(store: jobs.store, laCode: jobs.laCode.code)
            .run(on: day) { done in try await progress(done: done, total: nil) }
        return try .json(result)
    }
}

/// The back-test with the settings in force when it runs (the result keeps them).
struct RiskBackTestJob: JobHandler {
    let jobs: StandardJobs

    func run(_ job: StoredJob, progress: JobProgress) async throws -> JobOutcome {
        guard case .riskBackTest(let day, _) = try jobs.request(job) else { throw JobFailure("A back-test job was asked for something else.") }
        return try .json(try await BackTestRun(store: jobs.store, laCode: jobs.laCode.code).run(on: day))
    }
}

/// Asks for the scores' refresh on the LA's cycle: the cycle is a run of
/// `refreshDays` days counted from a fixed day, so every server asks for
/// the same job (its request names the cycle's first day) and it runs once
/// a cycle. Checked at start and hourly, like the positions job.
public struct RiskSchedule: Sendable {
    let store: Store
    let now: @Sendable () -> Date

    public init(store: Store, now: @escaping @Sendable () -> Date = { Date() }) {
        self.store = store
        self.now = now
    }

    /// The first day of the cycle that contains `day`.
    public static func cycleStart(of day: CalendarDate, every days: Int) -> CalendarDate {
        let length = max(1, days)
        let number = day.dayNumber
        return CalendarDate(dayNumber: number - ((number % length) + length) % length)
    }

    public func askForThisCycle() async throws {
        let instant = now()
        let settings = try await RiskSettingsStore(store: store).inForce().settings
        let start = Self.cycleStart(of: CalendarDate.today(from: instant), every: settings.refreshDays)
        _ = try await JobDesk(store: store).refreshed(.riskScores(day: start), by: nil, now: instant, lifetime: .infinity)
    }

    public func run(every interval: Duration = .seconds(3_600)) async {
        while !Task.isCancelled {
            try? await askForThisCycle()
            try? await Task.sleep(for: interval)
        }
    }
}
