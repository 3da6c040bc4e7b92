import SQLKit

/// Chains the audit trail by hash (see ``AuditChain``) and, on PostgreSQL,
/// refuses TRUNCATE too: a statement-level trigger, since the row triggers of
/// M006 never fire for it.
struct M016AuditChain: Migration {
    let version = 16
    let name = "audit hash chain"

    func prepare(on db: any SQLDatabase, engine: DatabaseEngine) async throws {
        // SQLite adds one column a statement.
        try await db.raw("ALTER TABLE audit_event ADD COLUMN previous_hash TEXT").run()
        try await db.raw("ALTER TABLE audit_event ADD COLUMN chain_hash TEXT").run()
        switch engine {
        case .sqlite:
            try await db.raw("DROP TRIGGER audit_event_no_update").run()
            try await AuditChainBackfill.run(on: db)
            try await db.raw("""
                CREATE TRIGGER audit_event_no_update BEFORE UPDATE ON audit_event
                BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END
                """).run()
        case .postgres:
            try await db.raw("ALTER TABLE audit_event DISABLE TRIGGER audit_event_append_only").run()
            try await AuditChainBackfill.run(on: db)
            try await db.raw("ALTER TABLE audit_event ENABLE TRIGGER audit_event_append_only").run()
            try await db.raw("""
                CREATE TRIGGER audit_event_no_truncate BEFORE TRUNCATE ON audit_event
                FOR EACH STATEMENT EXECUTE FUNCTION audit_event_append_only()
                """).run()
        }
    }
}
