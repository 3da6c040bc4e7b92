import SQLKit

/// Each young person's headline timeline and, per LA, the sum of everyone's
/// steps by day, so the headline figures of any month (and the dashboard's
/// today and last week) are read, not computed (see `FigureTimelines`).
/// Kept by every change; the positions job fills in anyone without a
/// timeline, as on an existing database after this migration.
struct M036FigureTimelines: Migration {
    let version = 36
    let name = "figure timelines"

    func prepare(on db: any SQLDatabase, engine: DatabaseEngine) async throws {
        // No reference to young_person: a timeline outlives nothing, but an
        // erasure removes the person first and the timeline in the same change.
        try await db.create(table: "figure_timeline")
            .column("person_id", type: Column.id, .primaryKey(autoIncrement: false))
            .column("responsible_la", type: .text, .notNull)
            .column("segments", type: .text, .notNull)
            .run()
        try await db.create(table: "figure_step")
            .column("responsible_la", type: .text, .notNull)
            .column("day", type: Column.date, .notNull)
            .column("kind", type: .text, .notNull)
            .column("delta", type: .int, .notNull)
            .primaryKey("responsible_la", "day", "kind")
            .run()
    }
}
