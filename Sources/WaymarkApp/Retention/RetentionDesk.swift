public import Foundation
public import WaymarkCore
import WaymarkRecords
import WaymarkStore

/// The retention page's state: the policy in force and the latest dry run.
public struct RetentionView: Sendable {
    public let policy: RetentionPolicy
    public let job: JobState
    public let report: RetentionReport?
}

/// The data manager's view of the retention policy: what a run today would
/// erase or anonymise, counted per class. Counting reads every record old
/// enough, so it is a job like the figures; the run itself is the operator's
/// (`waymark retention run`), not a button.
public struct RetentionDesk: Sendable {
    let store: Store
    let policy: RetentionPolicy
    let resultLifetime: TimeInterval

    var jobs: JobDesk { JobDesk(store: store) }

    public func report(for grant: AccessGrant, at now: Date) async throws -> RetentionView {
        try grant.require(.runRetention)
        let state = try await jobs.refreshed(request(now), by: grant.user.id, now: now, lifetime: resultLifetime)
        return RetentionView(policy: policy, job: state, report: try state.lastDone?.decodedResult(as: RetentionReport.self))
    }

    /// Asks for the dry run again now, whatever the age of the last.
    public func recount(for grant: AccessGrant, at now: Date) async throws {
        try grant.require(.runRetention)
        try await jobs.request(request(now), by: grant.user.id, at: now)
    }

    private func request(_ now: Date) -> JobRequest {
        .retentionReport(day: CalendarDate.today(from: now), policy: policy.summary)
    }
}

/// The dry run as a job; the policy travels in the request, so a result is
/// always that of the policy it names.
struct RetentionReportJob: JobHandler {
    let jobs: StandardJobs

    func run(_ job: StoredJob, progress: JobProgress) async throws -> JobOutcome {
        guard case .retentionReport(let day, let summary) = try jobs.request(job) else { throw JobFailure("A retention job was asked for something else.") }
        let policy: RetentionPolicy
        do {
            policy = try RetentionPolicy.standard.overridden(by: summary)
        } catch {
            throw JobFailure("The retention policy in the request could not be read: \(error)")
        }
        let report = try await RetentionRun(store: jobs.store, laCode: jobs.laCode.code, policy: policy)
            .run(on: day, dryRun: true, by: .system("jobs"), at: jobs.now(), progress: { done in try await progress(done: done, total: nil) })
        return try .json(report)
    }
}
