import SQLKit

/// Each young person's participation position (see `ParticipationPosition` in
/// WaymarkCore), kept in the transaction of every change to the records it
/// is classified from, so the queues read indexed rows instead of classifying
/// the whole LA in a request. `valid_until` is the first day the stored
/// answer may differ with no new record; the daily positions job recomputes
/// rows whose day has come (and any person without a row, as after this
/// migration on an existing database).
struct M020ParticipationPositions: Migration {
    let version = 20
    let name = "participation positions"

    func prepare(on db: any SQLDatabase, engine: DatabaseEngine) async throws {
        try await db.create(table: "participation_position")
            .column("person_id", type: Column.id, .primaryKey(autoIncrement: false), .references("young_person", "id"))
            .column("state", type: .text, .notNull)
            .column("detail", type: .text)
            .column("activity_code", type: .int)
            .column("lapses_on", type: Column.date)
            .column("confirmed_on", type: Column.date)
            .column("academic_age", type: .int, .notNull)
            .column("computed_on", type: Column.date, .notNull)
            .column("valid_until", type: Column.date, .notNull)
            .run()
        try await db.create(index: "participation_position_state").on("participation_position").column("state").column("person_id").run()
        try await db.create(index: "participation_position_lapse").on("participation_position").column("state").column("lapses_on").run()
        try await db.create(index: "participation_position_due").on("participation_position").column("valid_until").run()
    }
}
