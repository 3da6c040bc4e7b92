public import Foundation
import WaymarkCore
public import WaymarkStore
import WaymarkRecords

/// Queues the day's referral reminders (``ReferralReminders``). Safe to run
/// again: a referral already reminded in its state is not reminded twice.
struct ReferralRemindersJob: JobHandler {
    let jobs: StandardJobs

    func run(_ job: StoredJob, progress: JobProgress) async throws -> JobOutcome {
        guard case .referralReminders(let day) = try jobs.request(job) else { throw JobFailure("A referral reminders job was asked for something else.") }
        let reminded = try await ReferralReminders(store: jobs.store).queueDue(on: day, at: jobs.now()) { done in
            try await progress(done: done, total: nil)
        }
        return try .json(["reminded": reminded])
    }
}

/// Asks for the day's referral reminders job: at start, then every hour, so
/// the first check after midnight queues that day's reminders. Two servers
/// asking for the same day share one job; a day's job done is not asked again.
public struct ReferralRemindersSchedule: Sendable {
    let desk: JobDesk
    let now: @Sendable () -> Date

    public init(store: Store, now: @escaping @Sendable () -> Date = { Date() }) {
        desk = JobDesk(store: store)
        self.now = now
    }

    public func askForToday() async throws {
        let instant = now()
        _ = try await desk.refreshed(.referralReminders(day: CalendarDate.today(from: instant)), by: nil, now: instant, lifetime: .infinity)
    }

    public func run(every interval: Duration = .seconds(3_600)) async {
        while !Task.isCancelled {
            try? await askForToday()
            try? await Task.sleep(for: interval)
        }
    }
}
