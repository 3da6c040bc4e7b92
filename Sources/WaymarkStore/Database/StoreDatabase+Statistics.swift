import SQLKit

extension StoreDatabase {
    /// Gives the query planner statistics to choose indexes by. Without them
    /// SQLite takes any equality index over a better one: a search by date of
    /// birth walked all 250,000 people of the LA through the index on
    /// `responsible_la` (one value for a whole installation) instead of the
    /// date's. Cheap when nothing changed much: SQLite's `optimize` analyses
    /// only tables that grew or shrank, with its own limit on rows read.
    /// PostgreSQL's autovacuum keeps its own; after a bulk load, `full`
    /// analyses now rather than when autovacuum next wakes.
    public func refreshStatistics(full: Bool = false) async throws {
        switch engine {
        case .sqlite:
            let analysed = try await sql.raw("SELECT 1 AS present FROM sqlite_master WHERE name = 'sqlite_stat1'").first() != nil
            if full || !analysed {
                // A sample per index is enough to rank them; a full ANALYZE of a large LA takes seconds.
                try await sql.raw("PRAGMA analysis_limit=1000").run()
                try await sql.raw("ANALYZE").run()
            } else {
                try await sql.raw("PRAGMA optimize=0x10002").run()
            }
        case .postgres:
            // Only the tables a load fills, found through the search path: a bare ANALYZE
            // would walk every table of every schema in a database shared with others.
            if full { try await sql.raw(SQLQueryString("ANALYZE \(unsafeRaw: Self.loadedTables.joined(separator: ", "))")).run() }
        }
    }

    static let loadedTables = [
        "young_person", "person_name_key", "person_alias", "address", "activity", "contact", "characteristic", "enrolment", "participation_position",
    ]
}
