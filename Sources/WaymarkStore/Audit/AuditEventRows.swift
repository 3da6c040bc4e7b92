import SQLKit

/// An audit row as stored: its content and the links it claims.
struct StoredAuditEvent: Sendable {
    var content: AuditEventContent
    var previousHash: String?
    var chainHash: String?
}

/// Reads the trail in id order, a page at a time, so memory stays flat however long it is.
enum AuditEventRows {
    static func read(after id: Int64, limit: Int, on db: any SQLDatabase) async throws -> [StoredAuditEvent] {
        try await db.select()
            .columns(
                "id", "occurred_at", "actor_user_id", "actor", "action", "entity", "entity_id", "person_id", "detail", "previous_hash", "chain_hash"
            )
            .from("audit_event")
            .where("id", .greaterThan, SQLBind(id))
            .orderBy("id")
            .limit(limit)
            .all()
            .map { row in
                StoredAuditEvent(
                    content: AuditEventContent(
                        id: try row.decode(column: "id", as: Int64.self),
                        occurredAt: try row.decode(column: "occurred_at", as: String.self),
                        actorUserID: try row.decode(column: "actor_user_id", as: Int64?.self),
                        actor: try row.decode(column: "actor", as: String.self),
                        action: try row.decode(column: "action", as: String.self),
                        entity: try row.decode(column: "entity", as: String.self),
                        entityID: try row.decode(column: "entity_id", as: Int64?.self),
                        personID: try row.decode(column: "person_id", as: Int64?.self),
                        detail: try row.decode(column: "detail", as: String?.self)),
                    previousHash: try row.decode(column: "previous_hash", as: String?.self),
                    chainHash: try row.decode(column: "chain_hash", as: String?.self))
            }
    }
}
