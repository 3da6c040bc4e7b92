import SQLKit

/// When a young person's cohort status last changed (a leaver is reported
/// once, in the month they leave), and every statutory return generated.
struct M008Returns: Migration {
    let version = 8
    let name = "cohort status date and generated returns"

    func prepare(on db: any SQLDatabase, engine: DatabaseEngine) async throws {
        try await db.alter(table: "young_person").column("cohort_status_since", type: Column.date).run()
        try await db.create(table: "generated_return")
            .idColumn()
            .column("kind", type: .text, .notNull)
            .column("la_code", type: .text, .notNull)
            .column("period_end", type: Column.date, .notNull)
            .column("records", type: .int, .notNull)
            .column("findings", type: .int, .notNull)
            .column("rejecting_findings", type: .int, .notNull)
            .column("sha256", type: .text, .notNull)
            .column("byte_count", type: .bigint, .notNull)
            .column("file_name", type: .text, .notNull)
            .column("generated_by", type: Column.id, .references("app_user", "id"))
            .column("generated_at", type: Column.timestamp, .notNull)
            .run()
        try await db.create(index: "generated_return_period").on("generated_return").column("la_code").column("period_end").run()
    }
}
