import SQLKit
public import WaymarkCore

/// One young person as the risk model and the back-test read them.
public struct RiskInput: Sendable {
    public let personID: Int64
    public let dateOfBirth: CalendarDate?
    public let gender: Gender?
    public let ethnicity: Ethnicity?
    /// The school shown on the record: the list it goes on.
    public let schoolID: Int64?
    public var facts = RiskFacts()
    /// Only when asked for (the back-test's outcomes).
    public var activities: [ActivityRecord] = []
}

/// Reads an LA's people for scoring, in id order and in batches, with one
/// query per table over each batch's id range: never a query per person.
/// Only what the model reads is read (no names, addresses or contacts).
public struct RiskInputReader: Sendable {
    let db: any SQLDatabase
    public let batchSize: Int

    public init(store: Store, batchSize: Int = 5_000) {
        db = store.sql
        self.batchSize = batchSize
    }

    /// Calls `body` with each batch in ascending id order; the next batch is read while `body` works.
    public func forEachBatch(
        responsibleLA: String, withActivities: Bool = false, _ body: ([RiskInput]) async throws -> Void
    ) async throws {
        var next = Task.detached { try await batch(responsibleLA: responsibleLA, after: 0, withActivities: withActivities) }
        defer { next.cancel() }
        while true {
            let current = try await next.value
            guard let last = current.last else { return }
            next = Task.detached { try await batch(responsibleLA: responsibleLA, after: last.personID, withActivities: withActivities) }
            try await body(current)
        }
    }

    func batch(responsibleLA: String, after: Int64, withActivities: Bool) async throws -> [RiskInput] {
        let rows = try await db.storedRows("""
            SELECT id, date_of_birth, gender, ethnicity, school_id FROM young_person
            WHERE responsible_la = \(bind: responsibleLA) AND merged_into IS NULL AND anonymised_on IS NULL AND id > \(bind: after)
            ORDER BY id LIMIT \(literal: batchSize)
            """)
        var people: [RiskInput] = []
        people.reserveCapacity(rows.count)
        for row in rows {
            people.append(RiskInput(
                personID: try row.requiredInteger("id", table: "young_person"),
                dateOfBirth: try row.text("date_of_birth").flatMap { try? CalendarDate(iso: $0) },
                gender: try row.text("gender").flatMap(Gender.init(rawValue:)),
                ethnicity: try row.text("ethnicity").flatMap(Ethnicity.init(rawValue:)),
                schoolID: try row.integer("school_id")))
        }
        guard let first = people.first?.personID, let last = people.last?.personID else { return [] }
        var index: [Int64: Int] = [:]
        for (position, person) in people.enumerated() { index[person.personID] = position }
        func each(_ table: String, columns: String, _ read: (any StoredColumns, inout RiskInput) throws -> Void) async throws {
            let rows = try await db.storedRows("""
                SELECT person_id, \(unsafeRaw: columns) FROM \(ident: table)
                WHERE person_id BETWEEN \(bind: first) AND \(bind: last) ORDER BY person_id, id
                """)
            for row in rows {
                guard let position = index[try row.requiredInteger("person_id", table: table)] else { continue }
                // A value that cannot be read is left out of the score rather than stopping every other person's.
                try? read(row, &people[position])
            }
        }
        try await each("characteristic", columns: "code, start_date, end_date") { row, person in
            guard let code = try row.integer("code").flatMap({ CharacteristicCode(rawValue: Int($0)) }) else { return }
            person.facts.characteristics.append(CharacteristicRecord(
                code: code, startDate: try StoredRowDecoding.date(row, "start_date"), endDate: try StoredRowDecoding.optionalDate(row, "end_date")))
        }
        try await each("need_assessment", columns: "level_of_need, send, sen_support, valid_from") { row, person in
            guard let level = try row.integer("level_of_need").flatMap({ LevelOfNeed(rawValue: Int($0)) }) else { return }
            person.facts.needs.append(NeedAssessment(
                levelOfNeed: level, hasSEND: try row.bool("send") ?? false, hasSENSupport: try row.bool("sen_support") ?? false,
                validFrom: try StoredRowDecoding.date(row, "valid_from")))
        }
        try await each("school_fact", columns: "kind, fact_date, end_date, value_number, value_code") { row, person in
            guard let kind = try row.text("kind").flatMap(SchoolFactKind.init(rawValue:)) else { return }
            person.facts.schoolFacts.append(SchoolFact(
                kind: kind, date: try StoredRowDecoding.date(row, "fact_date"), endDate: try StoredRowDecoding.optionalDate(row, "end_date"),
                value: try row.double("value_number"), code: try row.text("value_code")))
        }
        if withActivities {
            let rows = try await db.storedRows("""
                SELECT * FROM activity WHERE person_id BETWEEN \(bind: first) AND \(bind: last) ORDER BY person_id, start_date, id
                """)
            for row in rows {
                guard let position = index[try row.requiredInteger("person_id", table: "activity")],
                      let activity = try? StoredRowDecoding.activityRecord(row) else { continue }
                people[position].activities.append(activity)
            }
        }
        return people
    }
}
