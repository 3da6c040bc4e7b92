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

/// What a result row shows besides the name: school, ward, adviser, postcode and current activity.
public struct SearchSummary: Sendable, Equatable {
    public let school: String?
    /// The code of the latest activity started on or before the day.
    public let activityCode: Int?
    /// The ward of the current address.
    public let ward: String?
    /// The personal adviser's name.
    public let adviser: String?
    /// The current address's postcode, or else the latest former one.
    public let postcode: String?
}

/// Part of a postcode: the outward code ("NM1") or a sector ("NM1 4"),
/// upper case without spaces as the indexes hold it ("NM1", "NM14").
public struct PostcodeArea: Sendable, Equatable {
    public let compact: String
    public let isSector: Bool

    public init(compact: String, isSector: Bool) {
        self.compact = compact
        self.isSector = isSector
    }

    /// Whether a stored postcode (any case or spacing) lies in the area.
    public func contains(_ postcode: String) -> Bool {
        let stored = postcode.uppercased().filter { !$0.isWhitespace }
        guard stored.count > 3 else { return false }
        return String(stored.dropLast(isSector ? 2 : 3)) == compact
    }
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

    /// Every lookup is an equality on an index, as fast for one value as another, so each runs on a kept plan.
    private func rows(_ query: SQLQueryString) async throws -> [any StoredColumns] {
        try await GenericPlans.run { try await db.storedRows(query) }
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

    /// People whose family or given name is exactly `token` (a normalised
    /// name part, in lower case), in id order: equal matches, so any order
    /// is as honest as another, and this one pages from the index.
    public func byExactName(_ token: String, in scope: RecordScope, limit: Int, offset: Int = 0) async throws -> [SearchCandidate] {
        try await candidates(
            where: "p.id IN (" + Self.exactNameIDs(token, in: scope, first: offset + limit) + ")", scope: scope, order: "p.id", limit: limit,
            offset: offset)
    }

    /// How many people ``byExactName(_:in:limit:offset:)`` pages through,
    /// counted no further than `upTo`: past that the exact number is not
    /// worth reading thousands of index entries for. The same two halves as
    /// the page, each answered from M029's index of the people search shows
    /// without reading the table (an OR of the two names could not be).
    public func countExactName(_ token: String, in scope: RecordScope, upTo cap: Int) async throws -> Int {
        let rows = try await rows("SELECT COUNT(*) AS n FROM (" + Self.exactNameIDs(token, in: scope, first: cap) + ") counted")
        return min(cap, Int(try rows.first?.integer("n") ?? 0))
    }

    private func count(_ ids: SQLQueryString, upTo cap: Int) async throws -> Int {
        let rows = try await rows("SELECT COUNT(*) AS n FROM (" + ids + " LIMIT \(bind: cap)) counted")
        return Int(try rows.first?.integer("n") ?? 0)
    }

    /// The first `first` holders of the name as a family name, in id order,
    /// with the first `first` as a given name: a page of the two together
    /// lies within them. Each half reads M029's index (name, LA, id) in order
    /// and stops, where the plain `IN (… UNION …)` gathered every holder
    /// first: 5,871 Browns' table pages for each page of 25 (50 ms on
    /// PostgreSQL at 250,000 people, against about 1 ms this way). The
    /// expressions are M024's, spelt the same so both engines use the indexes.
    private static func exactNameIDs(_ token: String, in scope: RecordScope, first: Int) -> SQLQueryString {
        func holders(_ name: String, as alias: String) -> SQLQueryString {
            "SELECT id FROM (SELECT \(unsafeRaw: alias).id FROM young_person \(unsafeRaw: alias) WHERE \(unsafeRaw: name) = \(bind: token) "
                + "AND \(scope.condition(on: alias)) ORDER BY \(unsafeRaw: alias).id LIMIT \(literal: max(1, first))) \(unsafeRaw: alias)_first"
        }
        return holders(M024SearchByNameAndArea.familyLower, as: "f") + " UNION " + holders(M024SearchByNameAndArea.givenLower, as: "g")
    }

    /// People whose current address is in the area, in id order, a page at a time.
    public func byPostcodeArea(_ area: PostcodeArea, in scope: RecordScope, limit: Int, offset: Int = 0) async throws -> [SearchCandidate] {
        try await candidates(where: "p.id IN (" + Self.areaIDs(area) + ")", scope: scope, order: "p.id", limit: limit, offset: offset)
    }

    /// How many people ``byPostcodeArea(_:in:limit:offset:)`` pages through, counted no further than `upTo`.
    public func countPostcodeArea(_ area: PostcodeArea, in scope: RecordScope, upTo cap: Int) async throws -> Int {
        try await count("SELECT p.id FROM young_person p WHERE p.id IN (\(Self.areaIDs(area))) AND \(scope.condition(on: "p"))", upTo: cap)
    }

    private static func areaIDs(_ area: PostcodeArea) -> SQLQueryString {
        let code = area.isSector ? M024SearchByNameAndArea.sectorCode : M024SearchByNameAndArea.outwardCode
        return "SELECT a.person_id FROM address a WHERE \(unsafeRaw: code) = \(bind: area.compact) AND a.valid_to IS NULL"
    }

    /// The person with this unique pupil number or unique learner number.
    public func byIdentifier(upn: String? = nil, uln: String? = nil, in scope: RecordScope, limit: Int) async throws -> [SearchCandidate] {
        if let upn { return try await candidates(where: "p.upn = \(bind: upn)", scope: scope, limit: limit) }
        if let uln { return try await candidates(where: "p.uln = \(bind: uln)", scope: scope, limit: limit) }
        return []
    }

    public func aliases(of ids: [Int64]) async throws -> [Int64: [SearchAlias]] {
        guard !ids.isEmpty else { return [:] }
        let rows = try await rows(
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
        let rows = try await rows("""
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

    /// School, ward, adviser, postcode and current activity for the people a
    /// page shows (a few dozen), in one query: as three (people, addresses,
    /// activities) they were three of a search's seven statements.
    public func summaries(of ids: [Int64], on isoDate: String) async throws -> [Int64: SearchSummary] {
        guard !ids.isEmpty else { return [:] }
        let rows = try await rows("""
            SELECT p.id, o.name, u.display_name AS adviser,
              (SELECT w.ward FROM address w WHERE w.person_id = p.id AND w.valid_to IS NULL ORDER BY w.valid_from DESC, w.id DESC LIMIT 1) AS ward,
              (SELECT a.postcode FROM address a WHERE a.person_id = p.id AND a.postcode IS NOT NULL
                ORDER BY CASE WHEN a.valid_to IS NULL THEN 0 ELSE 1 END, a.valid_from DESC, a.id DESC LIMIT 1) AS postcode,
              (SELECT x.code FROM activity x WHERE x.person_id = p.id AND x.start_date <= \(bind: isoDate)
                ORDER BY x.start_date DESC, x.id DESC LIMIT 1) AS activity_code
            FROM young_person p LEFT JOIN organisation o ON o.id = p.school_id LEFT JOIN app_user u ON u.id = p.pa_user_id
            WHERE p.id IN (\(binds: ids))
            """)
        var summaries: [Int64: SearchSummary] = [:]
        for row in rows {
            let id = try row.requiredInteger("id", table: "young_person")
            summaries[id] = SearchSummary(
                school: try row.text("name"), activityCode: try row.integer("activity_code").map(Int.init), ward: try row.text("ward"),
                adviser: try row.text("adviser"), postcode: try row.text("postcode"))
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
        scope: RecordScope, order: SQLQueryString? = nil, limit: Int, offset: Int = 0
    ) async throws -> [SearchCandidate] {
        let ordered: SQLQueryString = order.map { " ORDER BY " + $0 } ?? ""
        let skipped: SQLQueryString = offset > 0 ? " OFFSET \(literal: offset)" : ""
        let rows = try await rows("""
            SELECT p.id, p.given_name, p.middle_names, p.family_name, p.preferred_name, p.date_of_birth, p.upn, p.uln,
              CASE WHEN EXISTS (SELECT 1 FROM person_alias pa WHERE pa.person_id = p.id) THEN 1 ELSE 0 END AS has_aliases
            FROM \(source) WHERE \(join) AND \(condition) AND \(scope.condition(on: "p"))\(ordered) LIMIT \(literal: max(1, limit))\(skipped)
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
