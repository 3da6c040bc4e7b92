import AsyncKit
import Logging
import NIOConcurrencyHelpers
import NIOCore
import PostgresKit
import SQLKit

/// PostgreSQL behind its pool, where work on a connection ends when the
/// connection does.
///
/// Measured by `scripts/pg-restart-drill`: when PostgreSQL stopped in the
/// middle of a transaction, the COMMIT (or the ROLLBACK after a failed one)
/// sometimes never completed, although the connection had closed. The
/// request waited for ever, its pooled connection was never given back, and
/// because view events are written in shared batches one such wait stopped
/// every page that audits a view. So each statement and each session races
/// the connection's close: whichever comes first ends it, and a close is
/// ``StoreFailure/unreachable``. Statements use PostgresNIO's own query API
/// on the leased connection rather than the older request path, as
/// ``ReusedStatements`` where they can.
struct PostgresPoolDatabase: SQLDatabase {
    let pool: PostgresPool
    let logger: Logger
    let watch = ConnectionWatch()
    let reused = ReusedStatements()

    var eventLoop: any EventLoop { pool.connections.eventLoopGroup.any() }
    var dialect: any SQLDialect { PostgresDialect() }
    var queryLogLevel: Logger.Level? { nil }

    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> Void) -> EventLoopFuture<Void> {
        pool.connections.withConnection(logger: logger) { [watch] connection in
            watch.ending(connection.sql(queryLogLevel: nil).execute(sql: query, onRow), with: connection)
        }
    }

    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> Void) async throws {
        let (sql, binds) = serialize(query)
        guard let statement = reused.statement(sql: sql, binds: binds) else {
            try await withLeasedConnection { try await $0.execute(sql: query, onRow) }
            return
        }
        let logger = logger
        let keptPlan = GenericPlans.preferred
        do {
            try await withLeased { connection in
                if keptPlan { try await Self.run("SET plan_cache_mode = force_generic_plan", on: connection, logger: logger) }
                do {
                    try await ReusedStatement.$running.withValue((statement.name, statement.sql)) {
                        for try await row in try await connection.execute(ReusedStatement(bindings: statement.bindings), logger: logger) {
                            onRow(ReadPostgresRow(row))
                        }
                    }
                } catch {
                    // The connection goes back to the pool as it came, whatever went wrong.
                    if keptPlan { try? await Self.run("RESET plan_cache_mode", on: connection, logger: logger) }
                    throw error
                }
                if keptPlan { try await Self.run("RESET plan_cache_mode", on: connection, logger: logger) }
            }
        } catch let error as PSQLError where error.serverInfo?[.sqlState] == Self.cachedPlanChanged {
            // Another server migrated a table this connection had prepared a `SELECT *` of (a rolling
            // upgrade): PostgreSQL refuses before any row is sent, and the text still runs unnamed.
            try await withLeasedConnection { try await $0.execute(sql: query, onRow) }
        }
    }

    /// A setting, read to its end so the connection is free for the next statement.
    private static func run(_ setting: PostgresQuery, on connection: PostgresConnection, logger: Logger) async throws {
        for try await _ in try await connection.query(setting, logger: logger) {}
    }

    /// "cached plan must not change result type" (feature_not_supported).
    static let cachedPlanChanged = "0A000"

    func withSession<R>(_ closure: @escaping @Sendable (any SQLDatabase) async throws -> R) async throws -> R {
        try await withLeasedConnection(closure)
    }

    private func withLeasedConnection<R>(_ body: @escaping @Sendable (any SQLDatabase) async throws -> R) async throws -> R {
        try await withLeased { connection in try await body(connection.sql(queryLogLevel: nil)) }
    }

    private func withLeased<R>(_ body: @escaping @Sendable (PostgresConnection) async throws -> R) async throws -> R {
        let connection = try await pool.connections.requestConnection(logger: logger).get()
        defer { pool.connections.releaseConnection(connection, logger: logger) }
        // SQLKit's sessions may return what is not Sendable; it only crosses back to the caller that asked for it.
        let work = connection.eventLoop.makeFutureWithTask { SessionResult(value: try await body(connection)) }
        return try await watch.ending(work, with: connection).get().value
    }
}

private struct SessionResult<Value>: @unchecked Sendable {
    let value: Value
}

/// Work in flight on each connection, failed with ``StoreFailure/unreachable``
/// when its connection closes. One close callback per connection: a callback
/// per statement would pile up on a connection that lives for days.
final class ConnectionWatch: Sendable {
    private struct Watched {
        var nextID = 0
        var pending: [Int: @Sendable () -> Void] = [:]
    }
    private let connections = NIOLockedValueBox<[ObjectIdentifier: Watched]>([:])

    /// `work`'s result, or ``StoreFailure/unreachable`` as soon as `connection` closes, whichever comes first.
    /// What was still running on the closed connection is left to end (or not) on its own.
    func ending<Value: Sendable>(_ work: EventLoopFuture<Value>, with connection: PostgresConnection) -> EventLoopFuture<Value> {
        let promise = work.eventLoop.makePromise(of: Value.self)
        let settled = NIOLockedValueBox(false)
        let settle: @Sendable (Result<Value, any Error>) -> Void = { result in
            let first = settled.withLockedValue { done in
                defer { done = true }
                return !done
            }
            if first { promise.completeWith(result) }
        }
        let key = ObjectIdentifier(connection)
        let (id, isNew) = connections.withLockedValue { all -> (Int, Bool) in
            let isNew = all[key] == nil
            var watched = all[key] ?? Watched()
            let id = watched.nextID
            watched.nextID += 1
            watched.pending[id] = { settle(.failure(StoreFailure.unreachable)) }
            all[key] = watched
            return (id, isNew)
        }
        if isNew {
            // On a connection already closed this runs at once, failing the work just registered.
            connection.closeFuture.whenComplete { [connections] _ in
                let abandoned = connections.withLockedValue { all in all.removeValue(forKey: key)?.pending.values.map { $0 } ?? [] }
                abandoned.forEach { $0() }
            }
        }
        work.whenComplete { [connections] result in
            _ = connections.withLockedValue { $0[key]?.pending.removeValue(forKey: id) }
            settle(result)
        }
        return promise.futureResult
    }
}
