public import Foundation
import SQLKit
import WaymarkRecords

/// Where a publication's digests come from, a batch at a time, so a
/// national file is never held in memory whole.
public protocol KnownElsewhereDigestSource: Sendable {
    /// The next digests (lower-case hex), or nil at the end.
    func nextBatch() throws -> [String]?
}

/// One LA's publication as loaded into the index.
public struct KnownElsewherePublication: Sendable, Equatable {
    public let laCode: String
    public let keyID: String
    public let digests: Int
    public let fileSHA256: String
    public let loadedAt: String
}

/// The regional index: which LA published which keyed digest. It holds no
/// names, dates or identifiers, only digests and LA codes.
public struct KnownElsewhereIndex: Sendable {
    let store: Store

    public init(store: Store) {
        self.store = store
    }

    /// Digests written per statement: two bound values each, within both engines' limits.
    static let rowsPerStatement = 10_000
    /// Digests per statement on PostgreSQL, bound as one array: about 2 MB, so memory stays flat.
    static let rowsPerArray = 50_000

    /// Replaces everything `laCode` published before with what `source`
    /// yields, in one transaction: a load that fails leaves the old publication in place.
    public func replace(
        laCode: String, keyID: String, fileSHA256: String, from source: some KnownElsewhereDigestSource, by actor: Actor, at now: Date
    ) async throws -> Int {
        try await store.change(by: actor, at: now) { tx in
            try await tx.replaceKnownElsewhere(laCode: laCode, keyID: keyID, fileSHA256: fileSHA256, from: source)
        }
    }

    /// For each digest asked about, the LA codes that published it.
    public func holders(of digests: [String]) async throws -> [String: Set<String>] {
        guard !digests.isEmpty else { return [:] }
        var found: [String: Set<String>] = [:]
        for row in try await store.sql.select().columns("digest", "la_code").from("known_elsewhere_hash").where("digest", .in, digests).all() {
            found[try row.decode(column: "digest", as: String.self), default: []].insert(try row.decode(column: "la_code", as: String.self))
        }
        return found
    }

    public func publications() async throws -> [KnownElsewherePublication] {
        try await store.sql.select().column("*").from("known_elsewhere_publication").orderBy("la_code").all().map { row in
            KnownElsewherePublication(
                laCode: try row.decode(column: "la_code", as: String.self), keyID: try row.decode(column: "key_id", as: String.self),
                digests: Int(try row.decode(column: "digests", as: Int64.self)), fileSHA256: try row.decode(column: "file_sha256", as: String.self),
                loadedAt: try row.decode(column: "recorded_at", as: String.self))
        }
    }

    /// How many look-ups `userID` made since `since` (ISO 8601): the rate limit's count.
    public func lookups(by userID: Int64, since: String) async throws -> Int {
        let row = try await store.sql.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from("known_elsewhere_lookup")
            .where("user_id", .equal, userID).where("looked_at", .greaterThanOrEqual, since).first()
        return try row.map { Int(try $0.decode(column: "n", as: Int64.self)) } ?? 0
    }
}

extension ChangeTransaction {
    func replaceKnownElsewhere(laCode: String, keyID: String, fileSHA256: String, from source: some KnownElsewhereDigestSource) async throws -> Int {
        try await db.delete(from: "known_elsewhere_hash").where("la_code", .equal, laCode).run()
        try await db.delete(from: "known_elsewhere_publication").where("la_code", .equal, laCode).run()
        var total = 0
        var pending: [String] = []
        func flush() async throws {
            // Sorted, so each statement walks the key index in order; a digest repeated in a file is kept once.
            let batch = Array(Set(pending)).sorted()
            pending.removeAll(keepingCapacity: true)
            guard !batch.isEmpty else { return }
            if db.dialect.name == "postgresql" {
                // One array bound whole and unnested by the server: a statement
                // per batch with two binds, near COPY's speed, where a VALUES
                // list of 2 × 10,000 binds spends its time building and parsing.
                try await db.raw("""
                    INSERT INTO known_elsewhere_hash (digest, la_code) SELECT d, \(bind: laCode) FROM unnest(\(bind: batch)::text[]) AS d
                    ON CONFLICT DO NOTHING
                    """).run()
            } else {
                var insert = db.insert(into: "known_elsewhere_hash").columns("digest", "la_code")
                for digest in batch { insert = insert.values(SQLBind(digest), SQLBind(laCode)) }
                try await insert.ignoringConflicts().run()
            }
            total += batch.count
        }
        let perStatement = db.dialect.name == "postgresql" ? KnownElsewhereIndex.rowsPerArray : KnownElsewhereIndex.rowsPerStatement
        while let batch = try source.nextBatch() {
            pending += batch
            if pending.count >= perStatement { try await flush() }
        }
        try await flush()
        // A digest repeated across batches was ignored by the key, so the count is read back.
        let counted = try await db.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from("known_elsewhere_hash")
            .where("la_code", .equal, laCode).first()
        total = Int(try counted?.decode(column: "n", as: Int64.self) ?? 0)
        try await db.insert(into: "known_elsewhere_publication")
            .columns("la_code", "key_id", "digests", "file_sha256", "source", "recorded_by", "recorded_at")
            .values(SQLBind(laCode), SQLBind(keyID), SQLBind(Int64(total)), SQLBind(fileSHA256), SQLBind(actor.source), SQLBind(actor.userID), SQLBind(recordedAt))
            .run()
        try await audit(.import, entity: "known_elsewhere_publication", entityID: nil, personID: nil, detail: "la=\(laCode) digests=\(total)")
        return total
    }

    /// A look-up in the index: kept for the rate limit, and audited (ids and counts only).
    public func recordKnownElsewhereLookup(personID: Int64?, matches: Int) async throws {
        guard let userID = actor.userID else { return }
        try await db.insert(into: "known_elsewhere_lookup").columns("user_id", "person_id", "looked_at", "matches")
            .values(SQLBind(userID), SQLBind(personID), SQLBind(recordedAt), SQLBind(matches)).run()
        try await audit(.view, entity: "known_elsewhere", entityID: nil, personID: personID, detail: "matches=\(matches)")
    }
}

extension KnownElsewhereIndex {
    static let regionKeyName = "known-elsewhere-region-key"

    /// The region's shared key and its id, kept with the installation's other secrets ("id base64").
    public func regionKey() async throws -> (id: String, key: Data)? {
        guard let row = try await store.sql.select().column("value").from("installation_secret").where("name", .equal, Self.regionKeyName).first() else {
            return nil
        }
        let parts = try row.decode(column: "value", as: String.self).split(separator: " ")
        guard parts.count == 2, let key = Data(base64Encoded: String(parts[1])) else { return nil }
        return (String(parts[0]), key)
    }

    /// Replaces the region's key (a rotation): the LA must publish again, and the index reload every LA's file.
    public func setRegionKey(id: String, key: Data, by actor: Actor, at now: Date) async throws {
        try await store.change(by: actor, at: now) { tx in
            try await tx.db.delete(from: "installation_secret").where("name", .equal, Self.regionKeyName).run()
            try await tx.db.insert(into: "installation_secret").columns("name", "value", "created_at")
                .values(SQLBind(Self.regionKeyName), SQLBind("\(id) \(key.base64EncodedString())"), SQLBind(Timestamp.format(now))).run()
            try await tx.audit(.update, entity: "known_elsewhere_region_key", entityID: nil, personID: nil, detail: "key=\(id)")
        }
    }
}
