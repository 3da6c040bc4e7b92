import SQLKit

/// Indexes of the people search may show (not merged, not anonymised) by
/// family or given name in lower case, then LA and id, so a one-word name's
/// namesakes are counted and paged from the index alone: M024's indexes
/// find the holders of "Brown" but the scope (LA, merged, anonymised) lives
/// in the table, and counting 1,001 of 5,871 Browns read about 600 of its
/// pages (2.4 ms on PostgreSQL at 250,000 people; 0.4 ms from this index).
///
/// PostgreSQL also carries the name itself (`INCLUDE`): it answers from an
/// index alone only when every column the query names is in it, and
/// `lower(family_name)` names `family_name`. SQLite finds the rowid in the
/// index without it.
///
/// M024's name indexes go: nothing else reads them, and each index on
/// young_person is written on every change to a person and weighed by the
/// planner for every query that names the table.
struct M029LiveNamesakes: Migration {
    let version = 29
    let name = "namesakes of people search shows, from the index"

    static let live = "merged_into IS NULL AND anonymised_on IS NULL"

    func prepare(on db: any SQLDatabase, engine: DatabaseEngine) async throws {
        for (index, column, expression) in [
            ("young_person_live_family", "family_name", M024SearchByNameAndArea.familyLower),
            ("young_person_live_given", "given_name", M024SearchByNameAndArea.givenLower),
        ] {
            let carried = engine == .postgres ? " INCLUDE (\(column))" : ""
            try await db.raw("""
                CREATE INDEX \(unsafeRaw: index) ON young_person (\(unsafeRaw: expression), responsible_la, id)\(unsafeRaw: carried) \
                WHERE \(unsafeRaw: Self.live)
                """).run()
        }
        try await db.raw("DROP INDEX young_person_family_lower").run()
        try await db.raw("DROP INDEX young_person_given_lower").run()
    }
}
