import SQLKit

/// Parents, carers and professionals in a young person's life: third
/// parties' personal data, held to reach and support the young person.
/// A contact who is no longer involved is ended, never deleted, so the
/// record says who was involved when.
struct M025PersonContacts: Migration {
    let version = 25
    let name = "parents, carers and professionals as contacts"

    func prepare(on db: any SQLDatabase, engine: DatabaseEngine) async throws {
        try await db.create(table: "person_contact")
            .idColumn().personColumn()
            .column("name", type: .text, .notNull)
            .column("relationship", type: .text, .notNull)
            .column("organisation", type: .text)
            .column("phone", type: .text)
            .column("email", type: .text)
            .column("address", type: .text)
            .column("lives_with", type: Column.bool, .notNull)
            .column("parental_responsibility", type: Column.bool, .notNull)
            .column("agrees_to_contact", type: Column.bool, .notNull)
            .column("notes", type: .text)
            .column("started_on", type: Column.date, .notNull)
            .column("ended_on", type: Column.date)
            .provenanceColumns()
            .run()
        try await db.create(index: "person_contact_person").on("person_contact").column("person_id").run()
    }
}
