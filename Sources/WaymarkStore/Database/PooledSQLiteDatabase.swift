import AsyncKit
import Logging
import NIOCore
import PostgresKit
import SQLKit
import SQLiteKit

/// An SQLite database behind two pools: one connection that writes, and
/// (for a file) a few that only read.
///
/// SQLite allows one writer at a time; a transaction holds the writer and
/// every other write waits for it, so no writer meets SQLITE_BUSY. In WAL
/// mode readers see the last committed state and never wait for the writer,
/// so a page that only reads does not queue behind an import or behind
/// another page's LA-wide count.
struct PooledSQLiteDatabase: SQLDatabase {
    let writer: SQLitePool
    /// Nil for an in-memory database: its shared cache locks whole tables, so readers would meet the writer's locks.
    let readers: SQLitePool?
    let logger: Logger

    var eventLoop: any EventLoop { writer.connections.eventLoopGroup.any() }
    var dialect: any SQLDialect { SQLiteDialect() }
    var queryLogLevel: Logger.Level? { nil }

    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> Void) -> EventLoopFuture<Void> {
        pool(for: query).connections.withConnection(logger: logger) { connection in
            connection.sql(queryLogLevel: nil).execute(sql: query, onRow)
        }
    }

    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> Void) async throws {
        // Serialized once, here: choosing the pool needs the text, and serializing again on the
        // connection (quoting every identifier anew) was a twentieth of a record page's time.
        var serializer = SQLSerializer(database: self)
        query.serialize(to: &serializer)
        let pool = readers == nil ? writer : pool(forSQL: serializer.sql)
        let connection = try await pool.connections.requestConnection(logger: logger).get()
        defer { pool.connections.releaseConnection(connection, logger: logger) }
        try await connection.sql(queryLogLevel: nil).execute(sql: SerializedStatement(sql: serializer.sql, binds: serializer.binds), onRow)
    }

    /// A session is for transactions: always the writer.
    func withSession<R>(_ closure: @escaping @Sendable (any SQLDatabase) async throws -> R) async throws -> R {
        let connection = try await writer.connections.requestConnection(logger: logger).get()
        defer { writer.connections.releaseConnection(connection, logger: logger) }
        return try await closure(connection.sql(queryLogLevel: nil))
    }

    /// A lone SELECT goes to a reader; anything else (and every PRAGMA) to the writer.
    private func pool(for query: any SQLExpression) -> SQLitePool {
        guard readers != nil else { return writer }
        var serializer = SQLSerializer(database: self)
        query.serialize(to: &serializer)
        return pool(forSQL: serializer.sql)
    }

    func pool(forSQL sql: String) -> SQLitePool {
        guard let readers, ReadOnlyStatement.isRead(sql) else { return writer }
        return readers
    }
}

/// A statement already written out for SQLite, passed on as it is.
struct SerializedStatement: SQLExpression {
    let sql: String
    let binds: [any Encodable & Sendable]

    func serialize(to serializer: inout SQLSerializer) {
        serializer.write(sql)
        serializer.binds += binds
    }
}

/// Whether a statement only reads: it starts with SELECT (or WITH … SELECT)
/// and names no verb that writes. Anything unsure goes to the writer.
public enum ReadOnlyStatement {
    private static let writingWords = ["INSERT", "UPDATE", "DELETE", "REPLACE", "CREATE", "DROP", "ALTER", "PRAGMA", "VACUUM", "ATTACH", "REINDEX"]

    public static func isRead(_ sql: String) -> Bool {
        let head = sql.prefix(12).trimmingCharacters(in: .whitespacesAndNewlines).uppercased()
        guard head.hasPrefix("SELECT") || head.hasPrefix("WITH") else { return false }
        if head.hasPrefix("SELECT") { return true }
        let upper = sql.uppercased()
        return !writingWords.contains { upper.contains($0 + " ") }
    }
}

/// AsyncKit's pool guards its state with locks and event loops, but does not
/// declare itself Sendable; this box states that once, here.
final class SQLitePool: @unchecked Sendable {
    let connections: EventLoopGroupConnectionPool<TunedSQLiteSource>

    init(connections: EventLoopGroupConnectionPool<TunedSQLiteSource>) {
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
