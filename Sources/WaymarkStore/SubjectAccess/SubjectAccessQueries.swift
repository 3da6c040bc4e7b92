public import WaymarkRecords
import SQLKit

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
        guard let row = try await db.select().column("*").from("young_person")
            .where("id", .equal, id).where("responsible_la", .equal, responsibleLA)
            .where("merged_into", .is, SQLLiteral.null).where("anonymised_on", .is, SQLLiteral.null)
            .first()
        else { return nil }
        return Self.stored(row)
    }

    /// Every row of `table` about the person, oldest first.
    public func rows(of person: Int64, in table: String) async throws -> [StoredRow] {
        guard PersonTables.all.contains(where: { $0.name == table }) || table == "participation_position" else { return [] }
        return try await db.select().column("*").from(table).where("person_id", .equal, person).all().map(Self.stored)
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

    static func stored(_ row: any SQLRow) -> StoredRow {
        StoredRow(columns: row.allColumns.map { ($0, StoredValue.read(row, column: $0)) })
    }

    private static func order(_ row: StoredRow) -> Int64 {
        if case .integer(let id) = row["id"] { return id }
        return 0
    }
}
