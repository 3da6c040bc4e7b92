import SQLKit
import WaymarkCore
import WaymarkMatching

/// Every name a young person goes by: what their search keys are made of.
struct PersonNames: Sendable {
    var given: String?
    var middle: String?
    var preferred: String?
    var family: String?
    var aliases: [(given: String?, family: String?)] = []

    init(given: String?, middle: String?, preferred: String?, family: String?, aliases: [(given: String?, family: String?)] = []) {
        self.given = given
        self.middle = middle
        self.preferred = preferred
        self.family = family
        self.aliases = aliases
    }

    init(_ identity: YoungPersonIdentity, aliases: [BulkAlias] = []) {
        self.init(
            given: identity.givenName, middle: identity.middleNames, preferred: identity.preferredName, family: identity.familyName,
            aliases: aliases.map { ($0.givenName, $0.familyName) })
    }

    var keys: [NameKey] {
        NameKeys.keys(
            givenNames: [given, middle, preferred] + aliases.map(\.given),
            familyNames: [family] + aliases.map(\.family))
    }
}

/// Writes the `person_name_key` rows search finds people by.
enum PersonNameKeys {
    static let columns = ["family_key", "given_key", "person_id"]

    /// Rewrites one person's keys from their stored names and aliases, after a name changes or an alias is added.
    static func refresh(personID: Int64, on db: any SQLDatabase) async throws {
        guard let row = try await db.raw("""
            SELECT given_name, middle_names, preferred_name, family_name FROM young_person WHERE id = \(bind: personID)
            """).first()
        else { return }
        let names = PersonNames(
            given: try row.decode(column: "given_name", as: String?.self), middle: try row.decode(column: "middle_names", as: String?.self),
            preferred: try row.decode(column: "preferred_name", as: String?.self), family: try row.decode(column: "family_name", as: String?.self),
            aliases: try await aliases(in: personID...personID, on: db)[personID] ?? [])
        try await db.delete(from: "person_name_key").where("person_id", .equal, personID).run()
        try await insert(names.keys.map { (personID, $0) }, on: db)
    }

    static func aliases(in ids: ClosedRange<Int64>, on db: any SQLDatabase) async throws -> [Int64: [(given: String?, family: String?)]] {
        let rows = try await db.raw("""
            SELECT person_id, given_name, family_name FROM person_alias
            WHERE person_id BETWEEN \(bind: ids.lowerBound) AND \(bind: ids.upperBound) ORDER BY id
            """).all()
        var aliases: [Int64: [(given: String?, family: String?)]] = [:]
        for row in rows {
            aliases[try row.decode(column: "person_id", as: Int64.self), default: []].append(
                (try row.decode(column: "given_name", as: String?.self), try row.decode(column: "family_name", as: String?.self)))
        }
        return aliases
    }

    static func insert(_ keys: [(Int64, NameKey)], on db: any SQLDatabase) async throws {
        for start in stride(from: 0, to: keys.count, by: 5_000) {
            var insert = db.insert(into: "person_name_key").columns(columns)
            for (id, key) in keys[start..<min(start + 5_000, keys.count)] {
                insert = insert.values(SQLBind(key.family), SQLBind(key.given), SQLBind(id))
            }
            try await insert.run()
        }
    }
}
