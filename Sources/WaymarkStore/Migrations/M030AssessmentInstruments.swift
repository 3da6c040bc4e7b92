import SQLKit

/// Assessment instruments an LA loaded (the shipped ones live in the app's
/// resources and need no row). Each version is kept whole, as JSON, so an
/// assessment made with it can always be read with the definition it used.
struct M030AssessmentInstruments: Migration {
    let version = 30
    let name = "assessment instruments loaded by the LA"

    func prepare(on db: any SQLDatabase, engine: DatabaseEngine) async throws {
        try await db.create(table: "assessment_instrument")
            .idColumn()
            .column("instrument_key", type: .text, .notNull)
            .column("version", type: .int, .notNull)
            .column("title", type: .text, .notNull)
            .column("definition", type: .text, .notNull)
            .provenanceColumns()
            .run()
        try await db.create(index: "assessment_instrument_version").on("assessment_instrument").column("instrument_key").column("version").unique().run()
    }
}
