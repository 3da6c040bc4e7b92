import SQLKit

/// The known-to register and the lead professional. An involvement is one
/// organisation (and, when known, one worker) working with a young person
/// from a day to a day; open while `to_date` is null. A referral accepted
/// opens one and its end closes it, so the two never disagree. The lead
/// professional is a history too: the current one has no `to_date`.
struct M051KnownTo: Migration {
    let version = 51
    let name = "known-to register and lead professional"

    func prepare(on db: any SQLDatabase, engine: DatabaseEngine) async throws {
        try await db.create(table: "involvement")
            .idColumn().personColumn()
            .column("organisation_id", type: Column.id, .notNull, .references("organisation", "id"))
            .column("worker_user_id", type: Column.id, .references("app_user", "id"))
            // The worker's part ("youth justice officer", "personal adviser").
            .column("worker_role", type: .text, .notNull)
            .column("from_date", type: Column.date, .notNull)
            .column("to_date", type: Column.date)
            .column("referral_id", type: Column.id, .references("referral", "id"))
            .provenanceColumns()
            .run()
        try await db.create(index: "involvement_person").on("involvement").column("person_id").column("to_date").run()
        try await db.create(index: "involvement_organisation").on("involvement").column("organisation_id").column("to_date").run()

        try await db.create(table: "lead_professional")
            .idColumn().personColumn()
            .column("user_id", type: Column.id, .notNull, .references("app_user", "id"))
            .column("organisation_id", type: Column.id, .notNull, .references("organisation", "id"))
            .column("from_date", type: Column.date, .notNull)
            .column("to_date", type: Column.date)
            // Who agreed it and how ("team around the young person meeting, 4 December").
            .column("agreed", type: .text, .notNull)
            .provenanceColumns()
            .run()
        try await db.create(index: "lead_professional_person").on("lead_professional").column("person_id").column("to_date").run()
    }
}
