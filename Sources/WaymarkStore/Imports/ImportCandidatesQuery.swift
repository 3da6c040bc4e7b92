import SQLKit
public import WaymarkCore
public import WaymarkMatching
public import WaymarkRecords

/// The people on record an imported file might be about, found through
/// indexes only (UPN, ULN, name search keys, date of birth with a given-name
/// key), so a school's file is matched against a large LA without reading it all.
public struct ImportCandidatesQuery: Sendable {
    let db: any SQLDatabase
    let scope: RecordScope

    public init(store: Store, scope: RecordScope) {
        self.db = store.sql
        self.scope = scope
    }

    public struct Keys: Sendable {
        public var upns: Set<String> = []
        public var ulns: Set<String> = []
        /// (family sound, given sound) pairs, as person search indexes them, with the dates of birth seen beside each.
        /// A namesake is a candidate when their date could be the same one mistyped: the same year and month (a wrong
        /// day), the same day and month (a wrong year) or day and month swapped. UPN and ULN find anyone else.
        public var nameKeys: [NameKey: Set<String>] = [:]

        public static func couldBeSameDate(_ left: String, _ right: String) -> Bool {
            guard left.count == 10, right.count == 10 else { return false }
            if left.prefix(7) == right.prefix(7) || left.suffix(5) == right.suffix(5) { return true }
            let swapped = String(left.prefix(5)) + String(left.suffix(2)) + "-" + String(left.dropFirst(5).prefix(2))
            return swapped == right
        }
        /// Each date of birth (and its day/month swap) with a given-name sound seen beside it, as one key, so a
        /// candidate must share both with the same row.
        public var birthDateGivenKeys: Set<String> = []

        public static func birthDateKey(_ date: String, given: String) -> String { date + "|" + given }

        public init() {}
    }

    public func candidateIDs(_ keys: Keys) async throws -> Set<Int64> {
        var ids: Set<Int64> = []
        for chunk in Array(keys.upns).chunked(into: 500) {
            ids.formUnion(try await db.select().column("id").from("young_person").where("upn", .in, chunk).all(decodingColumn: "id", as: Int64.self))
        }
        for chunk in Array(keys.ulns).chunked(into: 500) {
            ids.formUnion(try await db.select().column("id").from("young_person").where("uln", .in, chunk).all(decodingColumn: "id", as: Int64.self))
        }
        let families = Array(Set(keys.nameKeys.keys.map(\.family)))
        for chunk in families.chunked(into: 500) {
            let rows = try await db.raw("""
                SELECT k.person_id, k.family_key, k.given_key, p.date_of_birth FROM person_name_key k JOIN young_person p ON p.id = k.person_id
                WHERE k.family_key IN (\(binds: chunk))
                """).all()
            for row in rows {
                let key = NameKey(family: try row.decode(column: "family_key", as: String.self), given: try row.decode(column: "given_key", as: String.self))
                let born = try row.decode(column: "date_of_birth", as: String.self)
                guard let dates = keys.nameKeys[key], dates.contains(where: { Keys.couldBeSameDate($0, born) }) else { continue }
                ids.insert(try row.decode(column: "person_id", as: Int64.self))
            }
        }
        // A changed or misspelt family name: the same date of birth and a given name that sounds the same.
        let birthDates = Array(Set(keys.birthDateGivenKeys.compactMap { $0.split(separator: "|").first.map(String.init) }))
        for chunk in birthDates.chunked(into: 500) {
            let rows = try await db.raw("""
                SELECT p.id, p.date_of_birth, k.given_key FROM young_person p JOIN person_name_key k ON k.person_id = p.id
                WHERE p.date_of_birth IN (\(binds: chunk))
                """).all()
            for row in rows
            where keys.birthDateGivenKeys.contains(
                Keys.birthDateKey(try row.decode(column: "date_of_birth", as: String.self), given: try row.decode(column: "given_key", as: String.self))) {
                ids.insert(try row.decode(column: "id", as: Int64.self))
            }
        }
        return ids
    }

    /// The candidates in scope as linkage records.
    public func records(_ ids: Set<Int64>) async throws -> [LinkageRecord] {
        var records: [LinkageRecord] = []
        for chunk in ids.sorted().chunked(into: 500) {
            let rows = try await LinkageRecordsQuery.select(db, scope: scope).where(SQLColumn("id", table: "p"), .in, SQLBind.group(chunk)).all()
            records += try rows.map(LinkageRecordsQuery.record)
        }
        return records
    }

    /// People drawn at random from the scope, so a small file's model learns how
    /// often strangers agree from more than its own few candidates.
    public func background(_ count: Int) async throws -> [LinkageRecord] {
        guard count > 0 else { return [] }
        return try await LinkageRecordsQuery.select(db, scope: scope).orderBy(SQLFunction("random")).limit(count).all().map(LinkageRecordsQuery.record)
    }
}

/// What an import row is checked against: each matched person's newest
/// activity and intended destination, and the schools by DfE number.
public struct ImportTargetsQuery: Sendable {
    let db: any SQLDatabase

    public init(store: Store) {
        self.db = store.sql
    }

    /// The activity that started last on or before the day, for each person.
    public func currentActivities(of ids: Set<Int64>, on date: CalendarDate) async throws -> [Int64: ActivityRecord] {
        var current: [Int64: ActivityRecord] = [:]
        for chunk in ids.sorted().chunked(into: 500) {
            let rows = try await db.select().column("*").from("activity").where("person_id", .in, chunk)
                .where("start_date", .lessThanOrEqual, date.iso).orderBy("person_id").orderBy("start_date").orderBy("id").all()
            for row in rows { current[try row.decode(column: "person_id", as: Int64.self)] = try StoredRowDecoding.activityRecord(row) }
        }
        return current
    }

    public func latestIntendedDestinations(of ids: Set<Int64>) async throws -> [Int64: Int] {
        var latest: [Int64: Int] = [:]
        for chunk in ids.sorted().chunked(into: 500) {
            let rows = try await db.select().columns("person_id", "code").from("intended_destination").where("person_id", .in, chunk)
                .orderBy("person_id").orderBy("recorded_on").orderBy("id").all()
            for row in rows { latest[try row.decode(column: "person_id", as: Int64.self)] = try row.decode(column: "code", as: Int.self) }
        }
        return latest
    }

    /// Schools and colleges by their 7-digit DfE number.
    public func organisationsByNumber() async throws -> [String: StoredOrganisation] {
        var numbers: [String: StoredOrganisation] = [:]
        for row in try await db.select().columns("id", "kind", "name", "la_code", "establishment_number").from("organisation").all() {
            if let number = try row.decode(column: "establishment_number", as: String?.self) { numbers[number] = try OrganisationQueries.decode(row) }
        }
        return numbers
    }
}
