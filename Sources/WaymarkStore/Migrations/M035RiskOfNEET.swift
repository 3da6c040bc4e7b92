import SQLKit

/// The risk-of-NEET indicator (issue 16): the school facts it reads, the
/// LA's settings (every version kept), the scores the refresh job writes,
/// and what school staff add to or take off their list, with why.
struct M035RiskOfNEET: Migration {
    let version = 35
    let name = "risk of NEET: school facts, settings, scores, list changes"

    func prepare(on db: any SQLDatabase, engine: DatabaseEngine) async throws {
        // A school's report about a pupil: kind, the day it describes, a value or a code.
        try await db.create(table: "school_fact")
            .idColumn().personColumn()
            .column("kind", type: .text, .notNull)
            .column("fact_date", type: Column.date, .notNull)
            .column("end_date", type: Column.date)
            .column("value_number", type: .custom(SQLRaw("DOUBLE PRECISION")))
            .column("value_code", type: .text)
            .column("organisation_id", type: Column.id, .references("organisation", "id"))
            .provenanceColumns()
            .run()
        try await db.create(index: "school_fact_person").on("school_fact").column("person_id").run()

        // Every version of the settings; the latest is in force. Never updated.
        try await db.create(table: "risk_settings")
            .idColumn()
            .column("settings", type: .text, .notNull)
            .column("reason", type: .text)
            .provenanceColumns()
            .run()

        // One row a person, rewritten by each refresh: derived, not a fact.
        try await db.create(table: "risk_score")
            .column("person_id", type: Column.id, .primaryKey(autoIncrement: false), .references("young_person", "id", onDelete: .cascade))
            .column("points", type: .int, .notNull)
            .column("band", type: .text, .notNull)
            .column("reasons", type: .text, .notNull)
            .column("school_id", type: Column.id)
            .column("year_group", type: .int)
            .column("scored_on", type: Column.date, .notNull)
            .column("settings_id", type: Column.id)
            .run()
        try await db.create(index: "risk_score_school").on("risk_score").column("school_id").column("year_group").column("points").run()

        // A school's own change to its list: add or remove a pupil, with a reason; ended, never deleted.
        try await db.create(table: "risk_list_change")
            .idColumn().personColumn()
            .column("organisation_id", type: Column.id, .notNull, .references("organisation", "id"))
            .column("action", type: .text, .notNull)
            .column("reason", type: .text, .notNull)
            .column("ended_at", type: Column.timestamp)
            .column("ended_by", type: Column.id, .references("app_user", "id"))
            .provenanceColumns()
            .run()
        try await db.create(index: "risk_list_change_person").on("risk_list_change").column("person_id").run()
        try await db.create(index: "risk_list_change_school").on("risk_list_change").column("organisation_id").run()
    }
}
