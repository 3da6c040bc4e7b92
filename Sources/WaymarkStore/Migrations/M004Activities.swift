import SQLKit

/// Activity history: every field of the NCCIS activity record, plus where it came from.
struct M004Activities: Migration {
    let version = 4
    let name = "activity history"

    func prepare(on db: any SQLDatabase, engine: DatabaseEngine) async throws {
        try await db.create(table: "activity")
            .idColumn().personColumn()
            .column("code", type: .int, .notNull)
            .column("start_date", type: Column.date, .notNull)
            .column("date_ascertained", type: Column.date, .notNull)
            .column("date_verified", type: Column.date)
            .column("review_date", type: Column.date)
            .column("predicted_end_date", type: Column.date)
            .column("neet_start_date", type: Column.date)
            .column("establishment_number", type: .text)
            .column("establishment_name", type: .text)
            .column("ukprn", type: .text)
            .column("organisation_id", type: Column.id, .references("organisation", "id"))
            .provenanceColumns()
            .run()
        try await db.create(index: "activity_person_start").on("activity").column("person_id").column("start_date").run()
    }
}
