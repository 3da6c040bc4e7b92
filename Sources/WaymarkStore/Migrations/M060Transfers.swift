import SQLKit

/// Moving between local authorities (issue 15, item 5): each transfer out
/// (the package sent, its hash, the classes withheld), each package received
/// and what became of it, the neighbour LAs' public keys that packages are
/// checked against, and the identifiers a young person had elsewhere.
struct M060Transfers: Migration {
    let version = 60
    let name = "transfers between local authorities"

    func prepare(on db: any SQLDatabase, engine: DatabaseEngine) async throws {
        try await db.create(table: "transfer_out")
            .idColumn().personColumn()
            .column("to_la", type: .text, .notNull)
            .column("moved_on", type: Column.date, .notNull)
            .column("package_sha256", type: .text, .notNull)
            .column("key_id", type: .text, .notNull)
            // Class keys left out, comma-separated: codes, never content.
            .column("withheld_classes", type: .text, .notNull)
            .provenanceColumns()
            .run()

        // The payload is kept only while a package waits for a decision; a
        // decline clears it, so a declined young person's details are not kept.
        try await db.create(table: "transfer_in")
            .idColumn()
            .column("from_la", type: .text, .notNull)
            .column("package_sha256", type: .text, .notNull, .unique)
            .column("previous_identifier", type: .text, .notNull)
            .column("status", type: .text, .notNull)
            .column("payload", type: .text)
            .column("person_id", type: Column.id, .references("young_person", "id", onDelete: .setNull))
            .column("outcome", type: .text)
            .column("reason", type: .text)
            .column("decided_by", type: Column.id, .references("app_user", "id"))
            .column("decided_at", type: Column.timestamp)
            .provenanceColumns()
            .run()
        try await db.create(index: "transfer_in_status").on("transfer_in").column("status").run()

        try await db.create(table: "transfer_peer_key")
            .idColumn()
            .column("la_code", type: .text, .notNull)
            .column("key_id", type: .text, .notNull, .unique)
            .column("public_key", type: .text, .notNull)
            .column("retired_at", type: Column.timestamp)
            .provenanceColumns()
            .run()

        try await db.create(table: "person_previous_identifier")
            .idColumn().personColumn()
            .column("la_code", type: .text, .notNull)
            .column("identifier", type: .text, .notNull)
            .provenanceColumns()
            .run()
        try await db.create(index: "person_previous_identifier_key").on("person_previous_identifier").column("la_code").column("identifier").unique().run()
        try await db.create(index: "person_previous_identifier_person").on("person_previous_identifier").column("person_id").run()
    }
}
