import Crypto
public import Foundation
import Logging
public import WaymarkCore
public import WaymarkFormats
public import WaymarkMatching
import WaymarkRecords
public import WaymarkStore

/// How imports decide; every value is a policy with a documented default (docs/POLICIES.md).
public struct ImportPolicy: Sendable {
    public var thresholds = MatchThresholds()
    /// Two start or leaving dates this many days apart are the same event.
    public var toleranceDays = 14
    /// Rows per transaction: a killed import loses at most this many rows' work, which a re-run redoes.
    public var rowsPerTransaction = 250

    public init() {}
}

/// What an import did.
public struct ImportSummary: Sendable, Equatable {
    public var rowsRead = 0
    public var updated = 0
    public var unchanged = 0
    public var created = 0
    public var excepted = 0
    /// Rows an earlier run of the same file had already dealt with.
    public var alreadyDone = 0
    public var candidates = 0
    public var seconds = 0.0
    /// The batch the file became, or the earlier batch of the same bytes.
    public var batchID: Int64 = 0
    /// The same bytes had been imported to the end before: this run changed nothing.
    public var wasAlreadyImported = false

    public init() {}
}

public enum ImportRunError: Error, Equatable, CustomStringConvertible {
    case rowProblems(Int)

    public var description: String {
        switch self {
        case .rowProblems(let count): "the file has \(count) problems; nothing was imported. Correct the file and import it again."
        }
    }
}

/// Imports a file that read cleanly: matches every row to the young people
/// on record, records what it is sure of, creates people nobody on record
/// could be, and queues the rest as exceptions. Rows are written with their
/// import marker in the same transaction, so a repeat changes nothing and a
/// re-run after a crash finishes the job.
public struct ImportRunner: Sendable {
    let store: Store
    let laCode: LocalAuthorityCode
    let policy: ImportPolicy

    public init(store: Store, laCode: LocalAuthorityCode, policy: ImportPolicy = ImportPolicy()) {
        self.store = store
        self.laCode = laCode
        self.policy = policy
    }

    public func run(_ reading: ImportReading, fileName: String, data: Data, actor: Actor, now: Date) async throws -> ImportSummary {
        guard reading.isClean else { throw ImportRunError.rowProblems(reading.problems.count) }
        let clock = ContinuousClock()
        let started = clock.now
        let today = CalendarDate.today(from: now)
        let scope = RecordScope.authority(laCode: laCode.code)
        let hash = SHA256.hash(data: data).map { String(format: "%02x", $0) }.joined()
        let batch = try await store.change(by: actor, at: now) { tx in
            try await tx.importBatch(fileHash: hash, fileName: fileName, kind: reading.kind.rawValue, flow: reading.kind.dataFlow, rowsRead: reading.rowsRead)
        }
        var summary = ImportSummary()
        summary.rowsRead = reading.rowsRead
        summary.batchID = batch.id
        summary.wasAlreadyImported = batch.finished
        let pending = reading.rows.filter { !batch.doneRows.contains($0.row) }
        summary.alreadyDone = reading.rows.count - pending.count
        let matches = try await ImportMatcher(store: store, scope: scope, thresholds: policy.thresholds).match(pending)
        summary.candidates = matches.candidates
        let matchedIDs = Set(matches.decisions.values.compactMap(\.personID))
        let targets = ImportTargetsQuery(store: store)
        let current = try await targets.currentActivities(of: matchedIDs, on: today)
        let destinations = try await targets.latestIntendedDestinations(of: matchedIDs)
        let schools = try await targets.organisationsByNumber()
        let laCode = laCode
        let toleranceDays = policy.toleranceDays
        for chunk in pending.chunked(into: policy.rowsPerTransaction) {
            let outcomes = try await store.change(by: actor, at: now) { tx in
                var outcomes: [ImportOutcome] = []
                for row in chunk {
                    let decision = matches.decisions[row.row] ?? .none
                    let outcome = try await ImportRowWriter(tx: tx, batchID: batch.id, laCode: laCode, today: today, schools: schools).write(
                        row, kind: reading.kind, decision: decision, current: decision.personID.flatMap { current[$0] },
                        latestDestination: decision.personID.flatMap { destinations[$0] }, toleranceDays: toleranceDays)
                    outcomes.append(outcome)
                }
                return outcomes
            }
            for outcome in outcomes {
                switch outcome {
                case .updated: summary.updated += 1
                case .unchanged: summary.unchanged += 1
                case .created: summary.created += 1
                case .excepted: summary.excepted += 1
                }
            }
        }
        try await store.change(by: actor, at: now) { tx in try await tx.finishImportBatch(batch.id) }
        let elapsed = started.duration(to: clock.now)
        summary.seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        return summary
    }
}
