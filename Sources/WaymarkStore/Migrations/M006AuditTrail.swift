import SQLKit

/// The append-only audit trail. The database itself refuses updates and
/// deletes, so no code path (or hand-typed SQL) can rewrite history.
struct M006AuditTrail: Migration {
    let version = 6
    let name = "audit trail"

    func prepare(on db: any SQLDatabase, engine: DatabaseEngine) async throws {
        try await db.create(table: "audit_event")
            .idColumn()
            .column("occurred_at", type: Column.timestamp, .notNull)
            .column("actor_user_id", type: Column.id)
            .column("actor", type: .text, .notNull)
            .column("action", type: .text, .notNull)
            .column("entity", type: .text, .notNull)
            .column("entity_id", type: Column.id)
            .column("person_id", type: Column.id)
            .column("detail", type: .text)
            .run()
        try await db.create(index: "audit_event_person").on("audit_event").column("person_id").run()
        try await db.create(index: "audit_event_action").on("audit_event").column("action").run()
        switch engine {
        case .sqlite:
            for operation in ["UPDATE", "DELETE"] {
                try await db.raw("""
                    CREATE TRIGGER audit_event_no_\(unsafeRaw: operation.lowercased()) BEFORE \(unsafeRaw: operation) ON audit_event
                    BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END
                    """).run()
            }
        case .postgres:
            try await db.raw("""
                CREATE FUNCTION audit_event_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN RAISE EXCEPTION 'the audit trail is append-only'; END $$
                """).run()
            try await db.raw("""
                CREATE TRIGGER audit_event_append_only BEFORE UPDATE OR DELETE ON audit_event
                FOR EACH ROW EXECUTE FUNCTION audit_event_append_only()
                """).run()
        }
    }
}
