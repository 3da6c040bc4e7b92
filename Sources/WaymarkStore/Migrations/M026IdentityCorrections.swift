import SQLKit

/// Corrections to a young person's name or date of birth: the record holds
/// only the current value, so each correction keeps the old value, the new
/// one and why, with who made it and when (the provenance columns).
struct M026IdentityCorrections: Migration {
    let version = 26
    let name = "name and date of birth corrections with their reasons"

    func prepare(on db: any SQLDatabase, engine: DatabaseEngine) async throws {
        try await db.create(table: "identity_correction")
            .idColumn().personColumn()
            .column("field", type: .text, .notNull)
            .column("old_value", type: .text, .notNull)
            .column("new_value", type: .text, .notNull)
            .column("reason", type: .text, .notNull)
            .column("explanation", type: .text)
            .provenanceColumns()
            .run()
        try await db.create(index: "identity_correction_person").on("identity_correction").column("person_id").run()
    }
}
