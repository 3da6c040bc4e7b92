public import Foundation
public import WaymarkCore
public import WaymarkStore

/// Applies the retention policy to every record of the LA on a day, or
/// (dry run) counts what it would do. Records are read a page at a time by
/// id; each record due is erased or anonymised in a transaction of its own
/// with its tombstone in the audit trail, so a run stopped half-way leaves
/// every record either untouched or wholly dealt with, and a second run
/// carries on where the first stopped.
public struct RetentionRun: Sendable {
    let store: Store
    let laCode: String
    public let policy: RetentionPolicy
    /// Records read per page.
    static let pageSize = 1_000

    public init(store: Store, laCode: String, policy: RetentionPolicy) {
        self.store = store
        self.laCode = laCode
        self.policy = policy
    }

    /// `progress` hears the number of records examined after each page.
    public func run(
        on day: CalendarDate, dryRun: Bool, by actor: Actor, at now: Date, progress: (@Sendable (Int) async throws -> Void)? = nil
    ) async throws -> RetentionReport {
        let started = ContinuousClock.now
        var report = RetentionReport(day: day, policy: policy, dryRun: dryRun)
        let queries = RetentionQueries(store: store)
        let latest = policy.youngestDue(on: day)
        var after: Int64 = 0
        while true {
            let page = try await queries.candidates(responsibleLA: laCode, bornOnOrBefore: latest, after: after, limit: Self.pageSize)
            guard let last = page.last else { break }
            for candidate in page {
                let outcome = policy.outcome(dateOfBirth: candidate.dateOfBirth, holding: candidate.classes, on: day)
                report.count(outcome)
                if !dryRun { try await apply(outcome, to: candidate, on: day, by: actor, at: now) }
            }
            after = last.id
            try await progress?(report.examined)
        }
        let elapsed = ContinuousClock.now - started
        report.seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        if !dryRun {
            try await store.record(
                .erase, by: actor, at: now, entity: "retention_run",
                detail: "day=\(day.iso); examined=\(report.examined); erased=\(report.erased); anonymised=\(report.anonymised); policy=\(policy.summary)")
        }
        return report
    }

    private func apply(_ outcome: RetentionOutcome, to candidate: RetentionCandidate, on day: CalendarDate, by actor: Actor, at now: Date) async throws {
        switch outcome {
        case .keep:
            return
        case .erase(let classes, let dueAge):
            try await store.change(by: actor, at: now) { tx in
                try await tx.erasePerson(candidate.id, tombstone: RetentionTombstone(dueAge: dueAge, erased: classes, anonymised: []))
            }
        case .anonymise(let kept, let erased, let dueAge):
            let dateOfBirth = RetentionPolicy.anonymisedDateOfBirth(candidate.dateOfBirth)
            try await store.change(by: actor, at: now) { tx in
                try await tx.anonymisePerson(
                    candidate.id, dateOfBirth: dateOfBirth, on: day, tombstone: RetentionTombstone(dueAge: dueAge, erased: erased, anonymised: kept))
            }
        }
    }
}
