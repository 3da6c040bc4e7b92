import SQLKit
import WaymarkMatching

/// Name keys for person search: one row per (family sound code, given sound
/// code) a young person can be found by (see ``NameKeys``), filled in for the
/// people already stored. Dates of birth, UPN, ULN and postcodes already have
/// their indexes.
struct M010SearchKeys: Migration {
    let version = 10
    let name = "person search keys"

    func prepare(on db: any SQLDatabase, engine: DatabaseEngine) async throws {
        // The primary key is the lookup order; SQLite stores it as the table itself.
        switch engine {
        case .sqlite:
            try await db.raw("""
                CREATE TABLE person_name_key (
                  family_key TEXT NOT NULL, given_key TEXT NOT NULL,
                  person_id INTEGER NOT NULL REFERENCES young_person (id) ON DELETE CASCADE,
                  PRIMARY KEY (family_key, given_key, person_id)) WITHOUT ROWID
                """).run()
        case .postgres:
            try await db.raw("""
                CREATE TABLE person_name_key (
                  family_key TEXT NOT NULL, given_key TEXT NOT NULL,
                  person_id BIGINT NOT NULL REFERENCES young_person (id) ON DELETE CASCADE,
                  PRIMARY KEY (family_key, given_key, person_id))
                """).run()
        }
        try await db.create(index: "person_name_key_given").on("person_name_key").column("given_key").column("family_key").run()
        try await db.create(index: "person_name_key_person").on("person_name_key").column("person_id").run()
        try await backfill(db)
    }

    private func backfill(_ db: any SQLDatabase) async throws {
        var after: Int64 = 0
        while true {
            let rows = try await db.raw("""
                SELECT id, given_name, middle_names, preferred_name, family_name FROM young_person
                WHERE id > \(bind: after) ORDER BY id LIMIT 5000
                """).all()
            guard let lastRow = rows.last else { return }
            let last = try lastRow.decode(column: "id", as: Int64.self)
            let aliases = try await PersonNameKeys.aliases(in: after + 1...last, on: db)
            var keys: [(Int64, NameKey)] = []
            for row in rows {
                let id = try row.decode(column: "id", as: Int64.self)
                let names = PersonNames(
                    given: try row.decode(column: "given_name", as: String?.self), middle: try row.decode(column: "middle_names", as: String?.self),
                    preferred: try row.decode(column: "preferred_name", as: String?.self),
                    family: try row.decode(column: "family_name", as: String?.self), aliases: aliases[id] ?? [])
                keys += names.keys.map { (id, $0) }
            }
            try await PersonNameKeys.insert(keys, on: db)
            after = last
        }
    }
}
