import SQLKit

/// "Known elsewhere?" (issue 15, item 6): the regional index of keyed
/// hashes each LA publishes (never names), which LA published what, the
/// look-ups made (for the rate limit and the audit) and the transfer
/// requests a match opens.
struct M061KnownElsewhere: Migration {
    let version = 61
    let name = "known elsewhere: the regional index of keyed hashes"

    func prepare(on db: any SQLDatabase, engine: DatabaseEngine) async throws {
        // A national index holds about six million digests (three per young
        // person). The look-up is by digest, so the digest leads the key; on
        // SQLite the table is the key (WITHOUT ROWID), so each row is stored once.
        // The second index lets an LA's new publication replace its old one.
        switch engine {
        case .sqlite:
            try await db.raw("""
                CREATE TABLE known_elsewhere_hash (digest TEXT NOT NULL, la_code TEXT NOT NULL, PRIMARY KEY (digest, la_code)) WITHOUT ROWID
                """).run()
        case .postgres:
            try await db.raw("""
                CREATE TABLE known_elsewhere_hash (digest TEXT NOT NULL, la_code TEXT NOT NULL, PRIMARY KEY (digest, la_code))
                """).run()
        }
        try await db.create(index: "known_elsewhere_hash_la").on("known_elsewhere_hash").column("la_code").run()

        try await db.create(table: "known_elsewhere_publication")
            .column("la_code", type: .text, .primaryKey(autoIncrement: false))
            .column("key_id", type: .text, .notNull)
            .column("digests", type: .bigint, .notNull)
            .column("file_sha256", type: .text, .notNull)
            .provenanceColumns()
            .run()

        try await db.create(table: "known_elsewhere_lookup")
            .idColumn()
            .column("user_id", type: Column.id, .notNull, .references("app_user", "id"))
            .column("person_id", type: Column.id, .references("young_person", "id", onDelete: .setNull))
            .column("looked_at", type: Column.timestamp, .notNull)
            .column("matches", type: .bigint, .notNull)
            .run()
        try await db.create(index: "known_elsewhere_lookup_user").on("known_elsewhere_lookup").column("user_id").column("looked_at").run()

        try await db.create(table: "transfer_request")
            .idColumn().personColumn()
            .column("la_code", type: .text, .notNull)
            .column("status", type: .text, .notNull)
            .provenanceColumns()
            .run()
    }
}
