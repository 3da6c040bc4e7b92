import SQLKit
public import WaymarkRecords

/// A young person who may be the one searched for, with what ranking compares.
public struct SearchCandidate: Sendable, Equatable {
    public let id: Int64
    public let givenName: String?
    public let middleNames: String?
    public let familyName: String?
    public let preferredName: String?
    public let dateOfBirth: String?
    public let upn: String?
    public let uln: String?
    /// Whether ``PersonSearchQuery/aliases(of:)`` has anything for them, so only those are read.
    public let hasAliases: Bool
}

/// Another name a candidate goes by.
public struct SearchAlias: Sendable, Equatable {
    public let givenName: String?
    public let familyName: String?
    public let kind: String
}

/// A postcode a candidate lives or lived at.
public struct SearchPostcode: Sendable, Equatable {
    public let postcode: String
    public let isCurrent: Bool
}

/// What a result row shows besides the name: school and current activity.
public struct SearchSummary: Sendable, Equatable {
    public let school: String?
    /// The code of the latest activity started on or before the day.
    public let activityCode: Int?
}

/// The lookups person search is built from. Each reads through an index and
/// only the people `scope` lets the user see; each stops at `limit` rows.
///
/// Every lookup is written as `p.id IN (subquery)`: without statistics SQLite
/// would as soon scan the scope's `responsible_la` index (one LA holds every
/// row) as the date of birth's, which took 40 ms at 250,000 people; a rowid
/// list always wins its planner's estimate.
public struct PersonSearchQuery: Sendable {
    let db: any SQLDatabase

    public init(store: Store) {
        self.db = store.sql
    }

    /// People filed under any pair of the family and given name codes (see `NameKeys`),
    /// leaving out the pairs of `excluding` (already looked up).
    public func byNameKeys(
        family: Set<String>, given: Set<String>, excluding: (family: Set<String>, given: Set<String>)? = nil, in scope: RecordScope,
        limit: Int
    ) async throws -> [SearchCandidate] {
        guard !family.isEmpty, !given.isEmpty else { return [] }
        var keys: SQLQueryString = "k.family_key IN (\(binds: family.sorted())) AND k.given_key IN (\(binds: given.sorted()))"
        if let excluding, !excluding.family.isEmpty, !excluding.given.isEmpty {
            keys = keys + " AND NOT (k.family_key IN (\(binds: excluding.family.sorted())) AND k.given_key IN (\(binds: excluding.given.sorted())))"
        }
        return try await candidates(from: Self.nameKeys, joinedOn: "p.id = k.person_id", where: keys, scope: scope, limit: limit)
    }

    /// People with any of these family name codes, whatever their given name.
    public func byFamilyKeys(_ family: Set<String>, in scope: RecordScope, limit: Int) async throws -> [SearchCandidate] {
        guard !family.isEmpty else { return [] }
        return try await candidates(from: Self.nameKeys, joinedOn: "p.id = k.person_id", where: "k.family_key IN (\(binds: family.sorted()))", scope: scope, limit: limit)
    }

    /// People with any of these given name codes, whatever their family name.
    public func byGivenKeys(_ given: Set<String>, in scope: RecordScope, limit: Int) async throws -> [SearchCandidate] {
        guard !given.isEmpty else { return [] }
        return try await candidates(from: Self.nameKeys, joinedOn: "p.id = k.person_id", where: "k.given_key IN (\(binds: given.sorted()))", scope: scope, limit: limit)
    }

    /// People born on any of these days (ISO dates).
    public func byDatesOfBirth(_ dates: [String], in scope: RecordScope, limit: Int) async throws -> [SearchCandidate] {
        guard !dates.isEmpty else { return [] }
        return try await candidates(where: "p.date_of_birth IN (\(binds: dates))", scope: scope, limit: limit)
    }

    /// People who live or lived at any of these postcodes, as stored (callers pass each spelling to try).
    public func byPostcodes(_ postcodes: [String], in scope: RecordScope, limit: Int) async throws -> [SearchCandidate] {
        guard !postcodes.isEmpty else { return [] }
        return try await candidates(
            from: "address a CROSS JOIN young_person p", joinedOn: "p.id = a.person_id", where: "a.postcode IN (\(binds: postcodes))", scope: scope, limit: limit)
    }

    /// The person with this unique pupil number or unique learner number.
    public func byIdentifier(upn: String? = nil, uln: String? = nil, in scope: RecordScope, limit: Int) async throws -> [SearchCandidate] {
        if let upn { return try await candidates(where: "p.upn = \(bind: upn)", scope: scope, limit: limit) }
        if let uln { return try await candidates(where: "p.uln = \(bind: uln)", scope: scope, limit: limit) }
        return []
    }

    public func aliases(of ids: [Int64]) async throws -> [Int64: [SearchAlias]] {
        guard !ids.isEmpty else { return [:] }
        let rows = try await db.storedRows(
            "SELECT person_id, given_name, family_name, kind FROM person_alias WHERE person_id IN (\(binds: ids)) ORDER BY id")
        var aliases: [Int64: [SearchAlias]] = [:]
        for row in rows {
            aliases[try row.requiredInteger("person_id", table: "person_alias"), default: []].append(
                SearchAlias(givenName: try row.text("given_name"), familyName: try row.text("family_name"), kind: try row.text("kind") ?? ""))
        }
        return aliases
    }

    /// Each person's postcodes, current (no end date) first, then the most recent former ones.
    public func postcodes(of ids: [Int64]) async throws -> [Int64: [SearchPostcode]] {
        guard !ids.isEmpty else { return [:] }
        let rows = try await db.storedRows("""
            SELECT person_id, postcode, valid_to FROM address WHERE person_id IN (\(binds: ids))
            ORDER BY person_id, CASE WHEN valid_to IS NULL THEN 0 ELSE 1 END, valid_from DESC, id DESC
            """)
        var postcodes: [Int64: [SearchPostcode]] = [:]
        for row in rows {
            guard let postcode = try row.text("postcode") else { continue }
            postcodes[try row.requiredInteger("person_id", table: "address"), default: []].append(
                SearchPostcode(postcode: postcode, isCurrent: try row.text("valid_to") == nil))
        }
        return postcodes
    }

    /// School and current activity for the people a page shows (a few dozen).
    public func summaries(of ids: [Int64], on isoDate: String) async throws -> [Int64: SearchSummary] {
        guard !ids.isEmpty else { return [:] }
        let schools = try await db.storedRows("""
            SELECT p.id, o.name FROM young_person p LEFT JOIN organisation o ON o.id = p.school_id WHERE p.id IN (\(binds: ids))
            """)
        let activities = try await db.storedRows("""
            SELECT person_id, code FROM activity WHERE person_id IN (\(binds: ids)) AND start_date <= \(bind: isoDate)
            ORDER BY person_id, start_date, id
            """)
        var codes: [Int64: Int] = [:]
        for row in activities {
            // Ordered oldest first, so the last one seen is current (as ActivityHistory.current picks it).
            if let code = try row.integer("code") { codes[try row.requiredInteger("person_id", table: "activity")] = Int(code) }
        }
        var summaries: [Int64: SearchSummary] = [:]
        for row in schools {
            let id = try row.requiredInteger("id", table: "young_person")
            summaries[id] = SearchSummary(school: try row.text("name"), activityCode: codes[id])
        }
        return summaries
    }

    /// SQLite keeps a CROSS JOIN's order (PostgreSQL plans it as any join):
    /// from the matching keys to the people, never every person to their keys.
    static let nameKeys: SQLQueryString = "person_name_key k CROSS JOIN young_person p"

    /// A plain join, not `p.id IN (subquery)`: with a LIMIT both engines then
    /// stop after `limit` rows, where the subquery made SQLite gather every
    /// match of a common name's key first (27,000 rows for one Soundex code
    /// at 250,000 people) and PostgreSQL merge-join the whole table. A person
    /// may come back once per matching row; the caller keeps each once.
    private func candidates(
        from source: SQLQueryString = "young_person p", joinedOn join: SQLQueryString = "1 = 1", where condition: SQLQueryString,
        scope: RecordScope, limit: Int
    ) async throws -> [SearchCandidate] {
        let rows = try await db.storedRows("""
            SELECT p.id, p.given_name, p.middle_names, p.family_name, p.preferred_name, p.date_of_birth, p.upn, p.uln,
              CASE WHEN EXISTS (SELECT 1 FROM person_alias pa WHERE pa.person_id = p.id) THEN 1 ELSE 0 END AS has_aliases
            FROM \(source) WHERE \(join) AND \(condition) AND \(scope.condition(on: "p")) LIMIT \(literal: max(1, limit))
            """)
        return try rows.map { row in
            SearchCandidate(
                id: try row.requiredInteger("id", table: "young_person"), givenName: try row.text("given_name"),
                middleNames: try row.text("middle_names"), familyName: try row.text("family_name"),
                preferredName: try row.text("preferred_name"), dateOfBirth: try row.text("date_of_birth"), upn: try row.text("upn"),
                uln: try row.text("uln"), hasAliases: try row.integer("has_aliases") == 1)
        }
    }
}
