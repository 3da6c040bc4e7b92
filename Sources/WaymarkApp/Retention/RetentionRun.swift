public import Foundation
public import WaymarkCore
public import WaymarkStore

/// Applies the retention policy to every record of the LA on a day, or
/// (dry run) counts what it would do. Records are read a page at a time by
/// id; the records due are erased or anonymised `recordsPerTransaction` at a
/// time, each with its tombstone in the audit trail, every statement naming
/// them all. No record's erasure is ever split between transactions, so a
/// run stopped half-way leaves every record either untouched or wholly dealt
/// with, and a second run carries on where the first stopped. (One record
/// per transaction is `recordsPerTransaction: 1`; it is thirty statements and
/// a commit per record, which over a quarter of a million people is minutes.)
public struct RetentionRun: Sendable {
    let store: Store
    let laCode: String
    public let policy: RetentionPolicy
    public let recordsPerTransaction: Int
    /// Records read per page.
    static let pageSize = 1_000

    public init(store: Store, laCode: String, policy: RetentionPolicy, recordsPerTransaction: Int = 200) {
        self.store = store
        self.laCode = laCode
        self.policy = policy
        self.recordsPerTransaction = max(1, recordsPerTransaction)
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
            var due: [(RetentionCandidate, RetentionOutcome)] = []
            for candidate in page {
                let outcome = policy.outcome(dateOfBirth: candidate.dateOfBirth, holding: candidate.classes, on: day)
                report.count(outcome)
                if case .keep = outcome { continue }
                due.append((candidate, outcome))
            }
            if !dryRun {
                for batch in due.chunked(into: recordsPerTransaction) { try await apply(batch, on: day, by: actor, at: now) }
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

    private func apply(_ batch: [(RetentionCandidate, RetentionOutcome)], on day: CalendarDate, by actor: Actor, at now: Date) async throws {
        var erased: [RecordToErase] = []
        var anonymised: [RecordToAnonymise] = []
        for (candidate, outcome) in batch {
            switch outcome {
            case .keep:
                continue
            case .erase(let classes, let dueAge):
                erased.append(RecordToErase(id: candidate.id, tombstone: RetentionTombstone(dueAge: dueAge, erased: classes, anonymised: [])))
            case .anonymise(let kept, let gone, let dueAge):
                anonymised.append(RecordToAnonymise(
                    id: candidate.id, dateOfBirth: RetentionPolicy.anonymisedDateOfBirth(candidate.dateOfBirth),
                    tombstone: RetentionTombstone(dueAge: dueAge, erased: gone, anonymised: kept)))
            }
        }
        try await store.change(by: actor, at: now) { [erased, anonymised] tx in
            try await tx.erasePeople(erased)
            try await tx.anonymisePeople(anonymised, on: day)
        }
    }
}
