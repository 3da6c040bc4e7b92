import SQLKit
public import WaymarkCore
public import WaymarkRecords

/// Reads every young person an LA is responsible for, in id order and in
/// batches, with their histories. Memory holds one batch at a time, so a
/// return or a set of figures for a quarter of a million people stays flat.
public struct PersonBundleReader: Sendable {
    /// Called with people read so far and the total expected.
    public typealias ReadProgress = (_ done: Int, _ total: Int) async throws -> Void

    let db: any SQLDatabase
    let registry: LocalAuthorityRegistry
    public let batchSize: Int

    public init(store: Store, registry: LocalAuthorityRegistry, batchSize: Int = 2_000) {
        self.db = store.sql
        self.registry = registry
        self.batchSize = batchSize
    }

    /// Calls `body` with each batch, in ascending id order. The next batch is
    /// read while `body` works on this one, so reading and the caller's work
    /// use both cores. The reads are detached tasks: a plain `Task` here
    /// inherited the caller's executor and ran only when the caller waited,
    /// which measured twice as slow.
    /// With `progress`, the people are counted first and `progress(done, total)`
    /// is called after each batch, so a job can show how far it has got.
    public func forEachBatch(
        responsibleLA: String, progress: ReadProgress? = nil, _ body: ([PersonBundle]) async throws -> Void
    ) async throws {
        let total = progress == nil ? 0 : try await count(responsibleLA: responsibleLA)
        try await progress?(0, total)
        var done = 0
        var next = Task.detached { try await batch(responsibleLA: responsibleLA, after: 0) }
        defer { next.cancel() }
        while true {
            let current = try await next.value
            guard let last = current.last else { return }
            next = Task.detached { try await batch(responsibleLA: responsibleLA, after: last.id) }
            try await body(current)
            done += current.count
            try await progress?(done, max(done, total))
        }
    }

    /// How many people `forEachBatch` will read (people added meanwhile may make it more).
    public func count(responsibleLA: String) async throws -> Int {
        try await db.raw("""
            SELECT COUNT(*) AS n FROM young_person WHERE responsible_la = \(bind: responsibleLA) AND merged_into IS NULL
            """).first()?.decode(column: "n", as: Int.self) ?? 0
    }

    private func batch(responsibleLA: String, after: Int64) async throws -> [PersonBundle] {
        var batch = try await people(responsibleLA: responsibleLA, after: after)
        guard let first = batch.first, let last = batch.last else { return [] }
        try await PersonHistoryLoader(db: db, range: first.id...last.id, registry: registry).fill(&batch)
        return batch
    }

    /// One young person of the LA with their histories, or nil when the id is
    /// unknown or belongs to another LA (the caller shows "not found" either way).
    public func person(_ id: Int64, responsibleLA: String) async throws -> PersonBundle? {
        var batch = try await people(responsibleLA: responsibleLA, after: id - 1, limit: 1)
        guard let first = batch.first, first.id == id else { return nil }
        batch = [first]
        try await PersonHistoryLoader(db: db, range: id...id, registry: registry).fill(&batch)
        return batch.first
    }

    /// ``person(_:responsibleLA:)`` with the activities also as stored (row
    /// id and provenance), in the same order, from the same one read.
    public func personWithStoredActivities(_ id: Int64, responsibleLA: String) async throws -> (PersonBundle, [StoredActivity])? {
        // By equality, not "the first after id − 1": PostgreSQL keeps one plan for it.
        guard let row = try await db.storedRows("""
            \(unsafeRaw: Self.personColumns)
            WHERE p.id = \(bind: id) AND p.responsible_la = \(bind: responsibleLA) AND p.merged_into IS NULL
            """).first
        else { return nil }
        let first = try Self.person(row)
        var batch = [first]
        let stored = try await PersonHistoryLoader(db: db, range: id...id, registry: registry).fill(&batch, keepingProvenance: true)
        return (batch[0], stored)
    }

    private static let personColumns = """
        SELECT p.id, p.given_name, p.middle_names, p.family_name, p.date_of_birth, p.gender, p.ethnicity, p.upn, p.uln,
          p.cohort_status, p.cohort_status_since, p.responsible_la, p.educated_la, p.la_code_at_year_11,
          p.transferred_to_la, o.name AS school_name
        FROM young_person p LEFT JOIN organisation o ON o.id = p.school_id
        """

    private func people(responsibleLA: String, after: Int64, limit: Int? = nil) async throws -> [PersonBundle] {
        let rows = try await db.storedRows("""
            \(unsafeRaw: Self.personColumns)
            WHERE p.responsible_la = \(bind: responsibleLA) AND p.merged_into IS NULL AND p.id > \(bind: after)
            ORDER BY p.id LIMIT \(literal: limit ?? batchSize)
            """)
        return try rows.map(Self.person)
    }

    static func person(_ row: any StoredColumns) throws -> PersonBundle {
        var person = PersonBundle(id: try row.requiredInteger("id", table: "young_person"))
        func text(_ column: String) throws -> String? { try row.text(column) }
        person.givenName = try text("given_name")
        person.middleNames = try text("middle_names")
        person.familyName = try text("family_name")
        person.gender = try text("gender")
        person.ethnicity = try text("ethnicity")
        person.upn = try text("upn")
        person.uln = try text("uln")
        person.cohortStatus = try text("cohort_status")
        person.responsibleLA = try text("responsible_la")
        person.educatedLA = try text("educated_la")
        person.laCodeAtYear11 = try text("la_code_at_year_11")
        person.transferredToLA = try text("transferred_to_la")
        person.schoolName = try text("school_name")
        for (column, assign) in [("date_of_birth", \PersonBundle.dateOfBirth), ("cohort_status_since", \.cohortStatusSince)] {
            guard let value = try text(column) else { continue }
            if let date = try? CalendarDate(iso: value, field: column) {
                person[keyPath: assign] = date
            } else {
                person.unreadable.append(UnreadableValue(table: "young_person", rowID: person.id, reason: "\(column) is not a date"))
            }
        }
        return person
    }
}
