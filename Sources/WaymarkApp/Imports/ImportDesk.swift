public import Foundation
public import WaymarkCore
public import WaymarkFormats
public import WaymarkRecords
import WaymarkStore

/// The imports page's history: recent files and what became of their rows.
public struct ImportHistory: Sendable {
    public let recent: [ImportBatchSummary]
    public let outcomes: [Int64: [ImportOutcome: Int]]
}

/// Importing a school, college, provider or DWP file (or a CTF) from the
/// page: the same work as `waymark import`, for those who resolve matches.
public struct ImportDesk: Sendable {
    let store: Store
    let laCode: LocalAuthorityCode

    init(store: Store, laCode: LocalAuthorityCode) {
        self.store = store
        self.laCode = laCode
    }

    public func history(for grant: AccessGrant) async throws -> ImportHistory {
        try grant.require(.resolveMatches)
        let queries = ImportBatchQueries(store: store)
        let recent = try await queries.recent()
        var outcomes: [Int64: [ImportOutcome: Int]] = [:]
        for summary in recent { outcomes[summary.id] = try await queries.outcomes(of: summary.id) }
        return ImportHistory(recent: recent, outcomes: outcomes)
    }

    /// Imports a clean reading; returns the summary and the batch it became.
    public func run(
        _ reading: ImportReading, fileName: String, data: Data, for grant: AccessGrant, at now: Date
    ) async throws -> (summary: ImportSummary, batchID: Int64?) {
        try grant.require(.resolveMatches)
        let summary = try await ImportRunner(store: store, laCode: laCode).run(reading, fileName: fileName, data: data, actor: grant.actor, now: now)
        return (summary, summary.batchID)
    }
}
