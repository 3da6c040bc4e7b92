import SQLKit

/// The young person: identity, cohort status and responsible / educated LA.
struct M002YoungPeople: Migration {
    let version = 2
    let name = "young people and aliases"

    func prepare(on db: any SQLDatabase, engine: DatabaseEngine) async throws {
        try await db.create(table: "young_person")
            .idColumn()
            .column("given_name", type: .text, .notNull)
            .column("middle_names", type: .text)
            .column("family_name", type: .text, .notNull)
            .column("preferred_name", type: .text)
            .column("date_of_birth", type: Column.date, .notNull)
            .column("gender", type: .text, .notNull)
            .column("ethnicity", type: .text, .notNull)
            .column("upn", type: .text)
            .column("uln", type: .text)
            .column("cohort_status", type: .text, .notNull)
            .column("responsible_la", type: .text, .notNull)
            .column("educated_la", type: .text, .notNull)
            .column("la_code_at_year_11", type: .text)
            .column("transferred_to_la", type: .text)
            .column("school_id", type: Column.id, .references("organisation", "id"))
            .column("pa_user_id", type: Column.id, .references("app_user", "id"))
            .column("last_verified_at", type: Column.timestamp)
            .provenanceColumns()
            .run()
        for column in ["family_name", "date_of_birth", "upn", "uln", "responsible_la"] {
            try await db.create(index: "young_person_\(column)").on("young_person").column(column).run()
        }
        try await db.create(table: "person_alias")
            .idColumn()
            .personColumn()
            .column("given_name", type: .text)
            .column("family_name", type: .text)
            .column("kind", type: .text, .notNull)
            .provenanceColumns()
            .run()
        try await db.create(index: "person_alias_person").on("person_alias").column("person_id").run()
    }
}
