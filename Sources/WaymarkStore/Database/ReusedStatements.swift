import NIOConcurrencyHelpers
import PostgresKit

/// Statements PostgreSQL parses once per connection and then only binds
/// and runs. Sent as unnamed statements, every read was parsed and planned
/// again: at 250,000 people that was 60% of PostgreSQL's time on a record
/// page (0.12 ms of each statement's 0.17 ms), more than running them.
///
/// Each distinct text, with the PostgreSQL types of its values, gets a name
/// the first time it is run, for the life of the process; PostgresNIO
/// prepares a name on a connection the first time that connection runs it,
/// and a connection that closes takes its statements with it. PostgreSQL
/// plans the first few runs with their values, then keeps one plan when
/// that costs no more, so a lookup by id stops being planned at all.
///
/// Only reads and plain writes, and only up to ``limit`` texts: a text
/// written with its numbers in it (a page's LIMIT and OFFSET) is a new text
/// for each, and every prepared statement holds memory in each server
/// process. Past the limit, and for values PostgresNIO cannot send directly,
/// statements go unnamed as before.
final class ReusedStatements: Sendable {
    static let limit = 500
    private let names = NIOLockedValueBox<[String: String]>([:])

    struct Statement: Sendable {
        let name: String
        let sql: String
        let bindings: PostgresBindings
    }

    /// `sql` with its values ready to run under a reused name, or nil to run it unnamed.
    func statement(sql: String, binds: [any Encodable & Sendable]) -> Statement? {
        guard Self.isReusable(sql) else { return nil }
        var bindings = PostgresBindings(capacity: binds.count)
        // The types are part of the key: a statement is prepared with the types of its first values.
        var key = sql + "\u{0}"
        for bind in binds {
            if Self.isNil(bind) {
                bindings.appendNull()
                key += "-,"
            } else if let value = bind as? any PostgresThrowingDynamicTypeEncodable {
                guard (try? bindings.append(value, context: .default)) != nil else { return nil }
                key += "\(value.psqlType.rawValue),"
            } else {
                return nil
            }
        }
        let name: String? = names.withLockedValue { names in
            if let known = names[key] { return known }
            guard names.count < Self.limit else { return nil }
            let name = "waymark_\(names.count + 1)"
            names[key] = name
            return name
        }
        return name.map { Statement(name: $0, sql: sql, bindings: bindings) }
    }

    /// An optional with nothing in it, however deep, sent as NULL.
    private static func isNil(_ value: Any) -> Bool {
        let mirror = Mirror(reflecting: value)
        guard mirror.displayStyle == .optional else { return false }
        guard let wrapped = mirror.children.first?.value else { return true }
        return isNil(wrapped)
    }

    static func isReusable(_ sql: String) -> Bool {
        let start = sql.drop { $0.isWhitespace }.prefix(7).uppercased()
        return ["SELECT", "INSERT", "UPDATE", "DELETE", "WITH"].contains { start.hasPrefix($0) }
    }
}

/// A statement of ``ReusedStatements`` as PostgresNIO runs it. PostgresNIO
/// knows a prepared statement by its type's static name and text, read when
/// it is run, so they come from the task that runs it.
struct ReusedStatement: PostgresPreparedStatement {
    @TaskLocal static var running = (name: "", sql: "")

    static var name: String { running.name }
    static var sql: String { running.sql }

    let bindings: PostgresBindings

    func makeBindings() throws -> PostgresBindings { bindings }
    func decodeRow(_ row: PostgresRow) throws -> PostgresRow { row }
}
