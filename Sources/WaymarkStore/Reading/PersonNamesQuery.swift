import SQLKit
public import WaymarkRecords

/// Given and family names of a known list of people in scope, for a named list.
public struct PersonNamesQuery: Sendable {
    let db: any SQLDatabase

    public init(store: Store) {
        self.db = store.sql
    }

    public func names(of ids: [Int64], in scope: RecordScope) async throws -> [Int64: String] {
        var names: [Int64: String] = [:]
        for chunk in ids.chunked(into: 500) where !chunk.isEmpty {
            let rows = try await db.select().columns(["id", "given_name", "family_name"].map { SQLColumn($0, table: "p") })
                .from(SQLAlias(SQLIdentifier("young_person"), as: SQLIdentifier("p")))
                .where(SQLColumn("id", table: "p"), .in, SQLBind.group(chunk))
                .where(scope.condition(on: "p"))
                .all()
            for row in rows {
                names[try row.decode(column: "id", as: Int64.self)] = [
                    try row.decode(column: "given_name", as: String?.self), try row.decode(column: "family_name", as: String?.self),
                ].compactMap { $0 }.joined(separator: " ")
            }
        }
        return names
    }
}
