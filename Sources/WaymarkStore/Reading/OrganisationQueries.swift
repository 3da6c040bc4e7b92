import SQLKit
public import WaymarkCore
public import WaymarkRecords

/// Looks organisations up.
public struct OrganisationQueries: Sendable {
    let db: any SQLDatabase

    public init(store: Store) {
        self.db = store.sql
    }

    /// The given organisation if it exists, or the first local authority when none is given.
    public func resolve(_ id: Int64?) async throws -> Int64 {
        var query = db.select().column("id").from("organisation")
        if let id {
            query = query.where("id", .equal, id)
        } else {
            query = query.where("kind", .equal, OrganisationKind.localAuthority.rawValue).orderBy("id")
        }
        guard let found = try await query.limit(1).first(decodingColumn: "id", as: Int64.self) else {
            throw StoreError.notFound(entity: "organisation", id: id ?? 0)
        }
        return found
    }

    public func organisation(id: Int64) async throws -> StoredOrganisation? {
        guard let row = try await db.select().columns("id", "kind", "name", "la_code").from("organisation").where("id", .equal, id).first() else {
            return nil
        }
        return try Self.decode(row)
    }

    /// A school's DfE number (LA code and establishment), nil when none is recorded.
    public func establishmentNumber(of id: Int64) async throws -> String? {
        try await db.select().column("establishment_number").from("organisation").where("id", .equal, id)
            .first(decodingColumn: "establishment_number", as: String?.self).flatMap { $0 }
    }

    /// Every organisation, local authorities first, then by name (for pickers).
    public func all() async throws -> [StoredOrganisation] {
        try await db.select().columns("id", "kind", "name", "la_code").from("organisation").orderBy("name").all().map(Self.decode)
            .sorted { ($0.kind == .localAuthority ? 0 : 1, $0.name) < ($1.kind == .localAuthority ? 0 : 1, $1.name) }
    }

    static func decode(_ row: any SQLRow) throws -> StoredOrganisation {
        let kindText = try row.decode(column: "kind", as: String.self)
        guard let kind = OrganisationKind(rawValue: kindText) else {
            throw StoreError.invalidStoredValue(table: "organisation", column: "kind", value: kindText)
        }
        return StoredOrganisation(
            id: try row.decode(column: "id", as: Int64.self), kind: kind, name: try row.decode(column: "name", as: String.self),
            laCode: try row.decode(column: "la_code", as: String?.self))
    }
}
