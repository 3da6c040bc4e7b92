import SQLKit

/// The adviser's workspace: caseload tier and since-when on the young person,
/// the next step agreed at a contact, follow-ups and appointments.
struct M009Workspace: Migration {
    let version = 9
    let name = "caseloads, follow-ups and appointments"

    func prepare(on db: any SQLDatabase, engine: DatabaseEngine) async throws {
        // SQLite takes one column per ALTER TABLE.
        try await db.alter(table: "young_person").column("tier", type: .int).run()
        try await db.alter(table: "young_person").column("caseload_since", type: Column.date).run()
        try await db.alter(table: "contact").column("next_step", type: .text).run()
        try await db.create(index: "young_person_pa").on("young_person").column("pa_user_id").run()
        try await db.create(index: "contact_occurred").on("contact").column("occurred_at").run()
        try await db.create(table: "follow_up")
            .idColumn().personColumn()
            .column("assigned_user_id", type: Column.id, .references("app_user", "id"))
            .column("due_on", type: Column.date, .notNull)
            .column("description", type: .text, .notNull)
            .column("completed_at", type: Column.timestamp)
            .column("completed_by", type: Column.id, .references("app_user", "id"))
            .provenanceColumns()
            .run()
        try await db.create(index: "follow_up_person").on("follow_up").column("person_id").run()
        try await db.create(index: "follow_up_assignee").on("follow_up").column("assigned_user_id").column("due_on").run()
        try await db.create(table: "appointment")
            .idColumn().personColumn()
            .column("user_id", type: Column.id, .notNull, .references("app_user", "id"))
            .column("starts_at", type: Column.timestamp, .notNull)
            .column("place", type: .text)
            .column("status", type: .text, .notNull)
            .provenanceColumns()
            .run()
        try await db.create(index: "appointment_person").on("appointment").column("person_id").run()
        try await db.create(index: "appointment_user").on("appointment").column("user_id").column("starts_at").run()
    }
}
