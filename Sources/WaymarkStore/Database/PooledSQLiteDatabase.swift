import PostgresKit
import AsyncKit
import Logging
import NIOCore
import SQLKit
import SQLiteKit

/// An SQLite database behind a one-connection pool.
///
/// SQLite allows one writer at a time; a transaction holds the connection and
/// every other query waits for it, so no reader sees half a transaction and no
/// writer meets SQLITE_BUSY.
struct PooledSQLiteDatabase: SQLDatabase {
    let pool: SQLitePool
    let logger: Logger

    var eventLoop: any EventLoop { pool.connections.eventLoopGroup.any() }
    var dialect: any SQLDialect { SQLiteDialect() }
    var queryLogLevel: Logger.Level? { nil }

    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> Void) -> EventLoopFuture<Void> {
        pool.connections.withConnection(logger: logger) { connection in
            connection.sql(queryLogLevel: nil).execute(sql: query, onRow)
        }
    }

    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> Void) async throws {
        try await withSession { try await $0.execute(sql: query, onRow) }
    }

    func withSession<R>(_ closure: @escaping @Sendable (any SQLDatabase) async throws -> R) async throws -> R {
        let connection = try await pool.connections.requestConnection(logger: logger).get()
        defer { pool.connections.releaseConnection(connection, logger: logger) }
        return try await closure(connection.sql(queryLogLevel: nil))
    }
}

/// AsyncKit's pool guards its state with locks and event loops, but does not
/// declare itself Sendable; this box states that once, here.
final class SQLitePool: @unchecked Sendable {
    let connections: EventLoopGroupConnectionPool<SQLiteConnectionSource>

    init(connections: EventLoopGroupConnectionPool<SQLiteConnectionSource>) {
        self.connections = connections
    }
}

/// The same for PostgreSQL's pool.
final class PostgresPool: @unchecked Sendable {
    let connections: EventLoopGroupConnectionPool<PostgresConnectionSource>

    init(connections: EventLoopGroupConnectionPool<PostgresConnectionSource>) {
        self.connections = connections
    }
}
