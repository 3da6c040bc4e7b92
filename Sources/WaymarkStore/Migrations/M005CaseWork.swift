import SQLKit

/// Contacts with young people and notes about them.
struct M005CaseWork: Migration {
    let version = 5
    let name = "contacts and notes"

    func prepare(on db: any SQLDatabase, engine: DatabaseEngine) async throws {
        try await db.create(table: "contact")
            .idColumn().personColumn()
            .column("occurred_at", type: Column.timestamp, .notNull)
            .column("method", type: .text, .notNull)
            .column("direction", type: .text, .notNull)
            .column("outcome", type: .text, .notNull)
            .column("summary", type: .text)
            .provenanceColumns()
            .run()
        try await db.create(table: "note")
            .idColumn().personColumn()
            .column("body", type: .text, .notNull)
            .column("sensitive", type: Column.bool, .notNull)
            .provenanceColumns()
            .run()
        try await db.create(index: "contact_person").on("contact").column("person_id").run()
        try await db.create(index: "note_person").on("note").column("person_id").run()
    }
}
