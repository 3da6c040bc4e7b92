import SQLKit

/// Retention: the day a record was anonymised for statistics. Such a record
/// is nobody's to open (``RecordScope``) but still counted by the figures.
/// And indexes on every column that refers to a young person without one,
/// so that finding what a record leaves behind, and the database's own
/// foreign-key checks when a record is deleted, probe an index instead of
/// reading a table per person (a quarter of a million people: minutes).
struct M022Anonymised: Migration {
    let version = 22
    let name = "anonymised records; indexes for erasure"

    func prepare(on db: any SQLDatabase, engine: DatabaseEngine) async throws {
        try await db.alter(table: "young_person").column("anonymised_on", type: Column.date).run()
        for (table, column) in [
            ("young_person", "merged_into"), ("import_row", "person_id"), ("match_exception", "other_person_id"),
            ("self_service_answer", "person_id"), ("break_glass_access", "person_id"), ("notification", "person_id"),
        ] {
            try await db.create(index: "\(table)_\(column)_erasure").on(table).column(column).run()
        }
    }
}
