import SQLKit

/// Maps by ward (issue 17): the ward boundaries the LA loads from the ONS,
/// and the postcode directory's lookup that gives a person's ward from the
/// postcode of their address. Both are replaced whole by each import; the
/// source says which file they came from.
struct M040Wards: Migration {
    let version = 40
    let name = "wards: boundaries and the postcode-to-ward lookup"

    func prepare(on db: any SQLDatabase, engine: DatabaseEngine) async throws {
        // One row a ward; the boundary is GeoJSON-like polygons of [longitude, latitude] as JSON text.
        try await db.create(table: "ward")
            .column("code", type: .text, .primaryKey(autoIncrement: false))
            .column("name", type: .text, .notNull)
            .column("boundary", type: .text, .notNull)
            .provenanceColumns()
            .run()

        // The postcode key is upper case without spaces, so that "ls62ab" and "LS6 2AB" on an address both match.
        try await db.create(table: "ward_postcode")
            .column("postcode_key", type: .text, .primaryKey(autoIncrement: false))
            .column("postcode", type: .text, .notNull)
            .column("ward_code", type: .text, .notNull, .references("ward", "code"))
            .provenanceColumns()
            .run()
        try await db.create(index: "ward_postcode_ward").on("ward_postcode").column("ward_code").run()
    }
}
