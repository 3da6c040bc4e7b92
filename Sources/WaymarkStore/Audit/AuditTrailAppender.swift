import SQLKit

/// The one way rows enter `audit_event`: under the chain lock, each linked to
/// the one before. Ids are given here (head + 1) rather than by the engine, so
/// two writers that somehow read the same head collide on the primary key
/// instead of forking the chain.
enum AuditTrailAppender {
    /// Distinct from the migration lock (7482001).
    static let chainLockKey: Int64 = 7_482_016
    /// 11 binds a row; well inside both engines' bind limits.
    static let rowsPerInsert = 1_000

    static func append(_ events: [AuditEventContent], on db: any SQLDatabase, engine: DatabaseEngine) async throws {
        guard !events.isEmpty else { return }
        if engine == .postgres {
            // Held until commit. SQLite needs nothing: its one writer already serialises.
            try await db.raw("SELECT pg_advisory_xact_lock(\(literal: chainLockKey))").run()
        }
        var head = try await readHead(on: db)
        for chunk in events.chunked(into: rowsPerInsert) {
            var rows: [[any SQLExpression]] = []
            rows.reserveCapacity(chunk.count)
            for var event in chunk {
                event.id = head.id + 1
                let hash = AuditChain.link(after: head.hash, event)
                rows.append([
                    SQLBind(event.id), SQLBind(event.occurredAt), SQLBind(event.actorUserID), SQLBind(event.actor), SQLBind(event.action),
                    SQLBind(event.entity), SQLBind(event.entityID), SQLBind(event.personID), SQLBind(event.detail),
                    SQLBind(head.hash), SQLBind(hash),
                ])
                head = AuditChainHead(id: event.id, hash: hash)
            }
            try await db.insert(into: "audit_event")
                .columns(
                    "id", "occurred_at", "actor_user_id", "actor", "action", "entity", "entity_id", "person_id", "detail", "previous_hash",
                    "chain_hash"
                )
                .rows(rows)
                .run()
        }
    }

    /// The newest event; an unchained newest row (written around Waymark) is
    /// linked to as it stands, and `waymark audit verify` names it.
    static func readHead(on db: any SQLDatabase) async throws -> AuditChainHead {
        guard let row = try await db.select().columns("id", "chain_hash").from("audit_event").orderBy("id", .descending).limit(1).first()
        else { return .empty }
        return AuditChainHead(
            id: try row.decode(column: "id", as: Int64.self),
            hash: try row.decode(column: "chain_hash", as: String?.self) ?? AuditChain.genesis)
    }
}
