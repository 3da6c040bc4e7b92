import SQLKit

/// Break the glass: each time a worker opened information their role
/// withholds on one record, with their reason and when it stops, and the
/// notices that tell the young person's adviser. Both go with the person
/// on erasure (the reason may describe them); the audit event, which holds
/// only ids and counts, stays.
///
/// The access log (every audit event about one person, newest first) pages
/// through `audit_event` by person and id, hence the index.
struct M019BreakGlass: Migration {
    let version = 19
    let name = "break the glass and notifications"

    func prepare(on db: any SQLDatabase, engine: DatabaseEngine) async throws {
        try await db.create(table: "break_glass_access")
            .idColumn().personColumn()
            .column("user_id", type: Column.id, .notNull, .references("app_user", "id"))
            .column("reason", type: .text, .notNull)
            // Sensitivity classes opened, comma-separated in their declared order.
            .column("classes", type: .text, .notNull)
            .column("granted_at", type: Column.timestamp, .notNull)
            .column("expires_at", type: Column.timestamp, .notNull)
            // The adviser a notice was stored for; null when there was nobody to tell.
            .column("told_user_id", type: Column.id, .references("app_user", "id"))
            .provenanceColumns()
            .run()
        try await db.create(index: "break_glass_access_holder").on("break_glass_access").column("user_id").column("person_id").column("expires_at").run()
        try await db.create(table: "notification")
            .idColumn().personColumn()
            .column("user_id", type: Column.id, .notNull, .references("app_user", "id"))
            .column("kind", type: .text, .notNull)
            .column("break_glass_access_id", type: Column.id, .references("break_glass_access", "id", onDelete: .cascade))
            .provenanceColumns()
            .run()
        try await db.create(index: "notification_recipient").on("notification").column("user_id").column("id").run()
        try await db.create(index: "audit_event_person_newest").on("audit_event").column("person_id").column("id").run()
    }
}
