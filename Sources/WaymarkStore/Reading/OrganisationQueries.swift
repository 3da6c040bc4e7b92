import SQLKit
import WaymarkCore

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
}
