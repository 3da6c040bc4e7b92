import Foundation
public import Logging
import NIOCore
import NIOPosix
import PostgresKit
public import SQLKit
import SQLiteKit

/// An open database, on either engine, with transactions that are all-or-nothing.
public final class StoreDatabase: Sendable {
    /// The query layer; use ``transaction(_:)`` for anything that writes.
    public let sql: any SQLDatabase
    public let engine: DatabaseEngine
    private let closePool: @Sendable () async throws -> Void
    /// Events with no change to commit with, written together (``Store/record(_:by:at:entity:entityID:personID:detail:)``).
    let auditBatcher = AuditBatcher()
    /// Each API client's calls in its current minute (``APIClientStore/countCall(clientID:windowStart:now:)``).
    let apiCallCounter = APICallCounter()

    private init(sql: any SQLDatabase, engine: DatabaseEngine, close: @escaping @Sendable () async throws -> Void) {
        self.sql = sql
        self.engine = engine
        self.closePool = close
    }

    /// Opens (creating an SQLite file if need be) and, unless told not to,
    /// migrates to the latest schema.
    public static func open(_ location: DatabaseLocation, logger: Logger, migrate: Bool = true) async throws -> StoreDatabase {
        let database = try connect(location, logger: logger)
        do {
            try await database.prepareEngine()
            if migrate {
                // A migration may add an index (M024's are on expressions): until the tables are analysed
                // again the planner has no figures for it, and PostgreSQL searched by hash-joining the whole LA.
                let applied = try await MigrationRunner(database: database, logger: logger).migrate()
                try await database.refreshStatistics(full: applied > 0)
            }
        } catch {
            try? await database.close()
            throw error
        }
        return database
    }

    /// Connections that only read an SQLite file, beside the one that writes.
    static let readerConnections = 3

    private static func connect(_ location: DatabaseLocation, logger: Logger) throws -> StoreDatabase {
        switch location {
        case .sqliteFile, .sqliteMemory:
            let storage: SQLiteConfiguration.Storage
            if case .sqliteFile(let path) = location {
                storage = .file(path: path)
            } else {
                // A named shared-cache memory database, so every pooled connection sees the same data.
                storage = .memory(identifier: "waymark-\(UUID().uuidString)")
            }
            // SQLite's calls block a thread while they run; a pool of our own keeps
            // them off NIO's shared one, and lets a long read and short ones run side by side.
            let threads = NIOThreadPool(numberOfThreads: readerConnections + 1)
            threads.start()
            let source = TunedSQLiteSource(
                base: SQLiteConnectionSource(configuration: .init(storage: storage, enableForeignKeys: true), threadPool: threads),
                pragmas: TunedSQLiteSource.pragmas)
            // One writing connection on one event loop: SQLite has a single writer, and
            // queueing here is cheaper and more predictable than busy retries.
            let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
            // A write may wait longer than AsyncKit's default 10 s for the one writer: a
            // large import's transaction is a reason to wait, not to fail the next change.
            let writer = SQLitePool(
                connections: EventLoopGroupConnectionPool(
                    source: source, maxConnectionsPerEventLoop: 1, requestTimeout: .seconds(30), logger: logger, on: group))
            var readers: SQLitePool?
            if case .sqliteFile = location {
                readers = SQLitePool(
                    connections: EventLoopGroupConnectionPool(
                        source: source, maxConnectionsPerEventLoop: readerConnections, requestTimeout: .seconds(30), logger: logger, on: group))
            }
            let sql = PooledSQLiteDatabase(writer: writer, readers: readers, logger: logger)
            return StoreDatabase(sql: sql, engine: .sqlite) { [readers] in
                try await writer.connections.shutdownAsync()
                try await readers?.connections.shutdownAsync()
                try await group.shutdownGracefully()
                try await threads.shutdownGracefully()
            }
        case .postgres(let url, let schema):
            var configuration = try SQLPostgresConfiguration(url: url)
            if let schema { configuration.searchPath = [schema] }
            let source = PostgresConnectionSource(sqlConfiguration: configuration)
            let pool = PostgresPool(
                connections: EventLoopGroupConnectionPool(
                    // Under a burst a request waits its turn for a connection rather than failing at AsyncKit's default 10 s.
                    source: source, maxConnectionsPerEventLoop: 4, requestTimeout: .seconds(30), logger: logger, on: MultiThreadedEventLoopGroup.singleton))
            let sql = PostgresPoolDatabase(pool: pool, logger: logger)
            return StoreDatabase(sql: sql, engine: .postgres, close: { try await pool.connections.shutdownAsync() })
        }
    }

    private func prepareEngine() async throws {
        guard engine == .sqlite else { return }
        // The journal mode belongs to the file; per-connection settings are TunedSQLiteSource's.
        try await sql.raw("PRAGMA journal_mode=WAL").run()
    }

    /// Runs `body` in one transaction: it commits only if `body` returns, and
    /// a thrown error rolls back everything it wrote.
    public func transaction<Result: Sendable>(
        _ body: @escaping @Sendable (any SQLDatabase) async throws -> Result
    ) async throws -> Result {
        try await sql.withSession { session in
            try await session.raw("BEGIN").run()
            do {
                let result = try await body(session)
                try await session.raw("COMMIT").run()
                return result
            } catch {
                try? await session.raw("ROLLBACK").run()
                throw error
            }
        }
    }

    public func close() async throws {
        try await closePool()
    }
}
