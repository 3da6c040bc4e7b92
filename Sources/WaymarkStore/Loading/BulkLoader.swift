public import Foundation
import SQLKit
import WaymarkCore

/// Loads many young people fast: multi-row inserts, one transaction and one
/// audit event per batch. Records are written as given (the generator and the
/// importers have already applied the rules), so a planted error stays planted.
public struct BulkLoader: Sendable {
    let store: Store

    public init(store: Store) {
        self.store = store
    }

    /// Rows written per table in one batch, for the benchmark's rows/s figure.
    public struct Written: Sendable, Equatable {
        public var people = 0
        public var rows = 0

        public init() {}
    }

    /// Writes one batch in one transaction; either all of it is kept or none.
    @discardableResult
    public func load(_ batch: [BulkPerson], by actor: Actor, at now: Date) async throws -> Written {
        guard let first = batch.first?.id, let last = batch.last?.id else { return Written() }
        return try await store.change(by: actor, at: now) { tx in
            var tables = BulkTables(provenance: [actor.source, actor.userID, tx.recordedAt])
            for entry in batch { tables.add(entry) }
            let rows = try await tables.write(on: tx.db)
            // Bulk rows are audited per batch, not per person, so their positions are asked for here.
            tx.touchedPeople.add(contentsOf: batch.map(\.id))
            tx.figurePeople.add(contentsOf: batch.map(\.id))
            try await tx.audit(.bulkLoad, entity: "young_person", entityID: nil, personID: nil, detail: "people=\(batch.count) ids=\(first)-\(last)")
            var written = Written()
            written.people = batch.count
            written.rows = rows
            return written
        }
    }

    /// The planner's statistics, which a load makes stale at once; and on
    /// PostgreSQL the identity sequence moved past the caller-chosen ids, or
    /// the next ordinary insert would collide.
    public func finish() async throws {
        try await store.database.refreshStatistics(full: true)
        guard store.database.engine == .postgres else { return }
        try await store.sql.raw(
            "SELECT setval(pg_get_serial_sequence('young_person', 'id'), GREATEST((SELECT MAX(id) FROM young_person), 1))"
        ).run()
    }
}
