public import WaymarkRecords
import SQLKit
import SQLiteKit

/// Everything stored about one young person, row by row and column by
/// column, for a subject access pack: each table of ``PersonTables``, the
/// record itself, and the names of the users and organisations the rows
/// refer to by id.
public struct SubjectAccessQueries: Sendable {
    let db: any SQLDatabase

    public init(store: Store) {
        db = store.sql
    }

    /// The record's own row, or nil when there is no such person in the LA
    /// (or the record was merged into another, whose pack holds its history).
    public func person(_ id: Int64, responsibleLA: String) async throws -> StoredRow? {
        try await db.storedRows("""
            SELECT * FROM young_person WHERE id = \(bind: id) AND responsible_la = \(bind: responsibleLA)
              AND merged_into IS NULL AND anonymised_on IS NULL
            """).first.map(Self.stored)
    }

    /// Every row of `table` about the person, oldest first.
    public func rows(of person: Int64, in table: String) async throws -> [StoredRow] {
        guard PersonTables.all.contains(where: { $0.name == table }) || table == "participation_position" else { return [] }
        return try await db.storedRows("SELECT * FROM \(ident: table) WHERE person_id = \(bind: person)").map(Self.stored)
            .sorted { lhs, rhs in Self.order(lhs) < Self.order(rhs) }
    }

    /// Display names of users, by id.
    public func userNames(_ ids: Set<Int64>) async throws -> [Int64: (name: String, role: Role?)] {
        guard !ids.isEmpty else { return [:] }
        var names: [Int64: (name: String, role: Role?)] = [:]
        for row in try await db.select().columns("id", "display_name", "role").from("app_user").where("id", .in, Array(ids)).all() {
            names[try row.decode(column: "id", as: Int64.self)] = (
                try row.decode(column: "display_name", as: String.self), Role(rawValue: try row.decode(column: "role", as: String.self)))
        }
        return names
    }

    /// Organisation names, by id.
    public func organisationNames(_ ids: Set<Int64>) async throws -> [Int64: String] {
        guard !ids.isEmpty else { return [:] }
        var names: [Int64: String] = [:]
        for row in try await db.select().columns("id", "name").from("organisation").where("id", .in, Array(ids)).all() {
            names[try row.decode(column: "id", as: Int64.self)] = try row.decode(column: "name", as: String.self)
        }
        return names
    }

    /// SQLite's own row where there is one (its values keep the type they were
    /// stored with); otherwise, through SQLKit, each column tried type by type.
    static func stored(_ row: any StoredColumns) -> StoredRow {
        if let sqlite = row as? SQLiteRow { return StoredRow(columns: sqlite.columns.map { ($0.name, StoredValue(sqlite: $0.data)) }) }
        guard let wrapped = row as? SQLRowColumns else { return StoredRow(columns: []) }
        return StoredRow(columns: wrapped.row.allColumns.map { ($0, StoredValue.typed(wrapped.row, column: $0)) })
    }

    private static func order(_ row: StoredRow) -> Int64 {
        if case .integer(let id) = row["id"] { return id }
        return 0
    }
}
