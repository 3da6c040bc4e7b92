import SQLKit

/// Organisations (LAs, schools, colleges, providers, agencies) and their users.
struct M001Organisations: Migration {
    let version = 1
    let name = "organisations and users"

    func prepare(on db: any SQLDatabase, engine: DatabaseEngine) async throws {
        try await db.create(table: "organisation")
            .idColumn()
            .column("kind", type: .text, .notNull)
            .column("name", type: .text, .notNull)
            .column("la_code", type: .text)
            .column("establishment_number", type: .text)
            .column("ukprn", type: .text)
            .column("phase", type: .text)
            .column("created_at", type: Column.timestamp, .notNull)
            .run()
        try await db.create(index: "organisation_establishment").on("organisation").column("establishment_number").run()
        try await db.create(table: "app_user")
            .idColumn()
            .column("organisation_id", type: Column.id, .notNull, .references("organisation", "id"))
            .column("email", type: .text, .notNull, .unique)
            .column("display_name", type: .text, .notNull)
            .column("role", type: .text, .notNull)
            .column("password_hash", type: .text, .notNull)
            .column("disabled", type: Column.bool, .notNull)
            .column("created_at", type: Column.timestamp, .notNull)
            .run()
    }
}
