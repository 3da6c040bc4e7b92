import Foundation
import Logging
import SQLKit
import WaymarkRecords

/// Applies the migrations a database has not seen yet, each in its own transaction.
struct MigrationRunner {
    let database: StoreDatabase
    let logger: Logger

    /// Returns how many migrations were applied.
    @discardableResult
    func migrate() async throws -> Int {
        // Even CREATE TABLE IF NOT EXISTS needs CREATE on the schema, which a
        // server role that does not own the tables lacks (docs/OPERATIONS.md).
        if try await !hasMigrationTable() {
            try await database.sql.create(table: "schema_migration").ifNotExists()
                .column("version", type: .int, .primaryKey(autoIncrement: false))
                .column("name", type: .text, .notNull)
                .column("applied_at", type: Column.timestamp, .notNull)
                .run()
        }
        let engine = database.engine
        return try await database.transaction { db in
            if engine == .postgres {
                // Several servers may start at once; only one migrates, the others wait.
                try await db.raw("SELECT pg_advisory_xact_lock(7482001)").run()
            }
            let applied = Set(try await db.select().column("version").from("schema_migration").all(decodingColumn: "version", as: Int.self))
            var count = 0
            for migration in Migrations.all where !applied.contains(migration.version) {
                count += 1
                try await migration.prepare(on: db, engine: engine)
                try await db.insert(into: "schema_migration")
                    .columns("version", "name", "applied_at")
                    .values(SQLBind(migration.version), SQLBind(migration.name), SQLBind(Timestamp.format(Date())))
                    .run()
                logger.info("applied migration", metadata: ["version": "\(migration.version)", "name": "\(migration.name)"])
            }
            return count
        }
    }

    private func hasMigrationTable() async throws -> Bool {
        switch database.engine {
        case .sqlite:
            try await database.sql.raw("SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'schema_migration'").first() != nil
        case .postgres:
            // to_regclass follows the search path, as the migrations do.
            try await database.sql.raw("SELECT to_regclass('schema_migration') IS NOT NULL AS present").first()?
                .decode(column: "present", as: Bool.self) ?? false
        }
    }
}
