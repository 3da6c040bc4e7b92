import SQLKit
import SQLiteKit

/// Reads a stored row's columns by name. Bulk readers use it so SQLite rows
/// can be read directly: SQLKit's Codable decoding cost more than the query
/// itself when a return reads every row of a quarter of a million people.
protocol StoredColumns {
    func text(_ column: String) throws -> String?
    func integer(_ column: String) throws -> Int64?
    func bool(_ column: String) throws -> Bool?
    func double(_ column: String) throws -> Double?
}

extension StoredColumns {
    func requiredText(_ column: String, table: String) throws -> String {
        guard let value = try text(column) else { throw StoreError.invalidStoredValue(table: table, column: column, value: "NULL") }
        return value
    }

    func requiredInteger(_ column: String, table: String) throws -> Int64 {
        guard let value = try integer(column) else { throw StoreError.invalidStoredValue(table: table, column: column, value: "NULL") }
        return value
    }
}

extension SQLiteRow: StoredColumns {
    func text(_ column: String) throws -> String? { self.column(column)?.string }
    func integer(_ column: String) throws -> Int64? { self.column(column)?.integer.map(Int64.init) }
    func bool(_ column: String) throws -> Bool? { self.column(column)?.integer.map { $0 != 0 } }
    func double(_ column: String) throws -> Double? { self.column(column)?.double }
}

/// Any engine's row, through SQLKit's decoding.
struct SQLRowColumns: StoredColumns {
    let row: any SQLRow

    func text(_ column: String) throws -> String? { try row.decode(column: column, as: String?.self) }
    func integer(_ column: String) throws -> Int64? { try row.decode(column: column, as: Int64?.self) }
    func bool(_ column: String) throws -> Bool? { try row.decode(column: column, as: Bool?.self) }
    func double(_ column: String) throws -> Double? { try row.decode(column: column, as: Double?.self) }
}

extension PooledSQLiteDatabase {
    /// Runs a query (on a reader when it only reads) and returns SQLite's own rows.
    func sqliteRows(_ query: any SQLExpression) async throws -> [SQLiteRow] {
        var serializer = SQLSerializer(database: self)
        query.serialize(to: &serializer)
        let encoder = SQLiteDataEncoder()
        let binds = try serializer.binds.map { try encoder.encode($0) }
        let pool = pool(forSQL: serializer.sql)
        let connection = try await pool.connections.requestConnection(logger: logger).get()
        defer { pool.connections.releaseConnection(connection, logger: logger) }
        return try await connection.query(serializer.sql, binds)
    }
}

extension SQLDatabase {
    /// All rows of a query as ``StoredColumns``: SQLite's rows directly, others through SQLKit.
    func storedRows(_ query: SQLQueryString) async throws -> [any StoredColumns] {
        if let sqlite = self as? PooledSQLiteDatabase { return try await sqlite.sqliteRows(query) }
        return try await raw(query).all().map(SQLRowColumns.init)
    }
}
