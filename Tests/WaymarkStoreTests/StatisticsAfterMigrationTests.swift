import Foundation
import SQLKit
import Testing
import WaymarkStore
import WaymarkTestSupport

/// A database just migrated has planner statistics for its tables, so an
/// index a migration added is used from the first query (on PostgreSQL a
/// new expression index had none until autovacuum happened to analyse).
@Suite struct StatisticsAfterMigrationTests {
    @Test(arguments: TestDatabases.engines)
    func aNewlyMigratedDatabaseHasBeenAnalysed(_ engine: DatabaseEngine) async throws {
        try await TestDatabases.withFreshStore(engine) { store in
            switch engine {
            case .sqlite:
                let stats = try await store.sql.raw("SELECT 1 AS present FROM sqlite_master WHERE name = 'sqlite_stat1'").first()
                #expect(stats != nil, "ANALYZE has run")
            case .postgres:
                // reltuples is -1 for a table never analysed, 0 for an empty one that has been.
                let row = try #require(try await store.sql.raw("SELECT reltuples::float8 AS n FROM pg_class WHERE oid = 'young_person'::regclass").first())
                #expect(try row.decode(column: "n", as: Double.self) == 0)
            }
        }
    }
}
