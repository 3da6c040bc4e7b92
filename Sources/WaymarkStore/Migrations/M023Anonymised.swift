import SQLKit

/// Retention: the day a record was anonymised for statistics. Such a record
/// is nobody's to open (``RecordScope``) but still counted by the figures.
/// (Version 22 is left to the school portal's branch.)
struct M023Anonymised: Migration {
    let version = 23
    let name = "anonymised records"

    func prepare(on db: any SQLDatabase, engine: DatabaseEngine) async throws {
        try await db.alter(table: "young_person").column("anonymised_on", type: Column.date).run()
    }
}
