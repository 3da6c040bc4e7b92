public import SQLKit
public import WaymarkCore

/// Keeps `participation_position` equal to what the classifier says: for the
/// people a change touched (in its transaction), and for the rows whose
/// `valid_until` day has come (the daily positions job). Every answer comes
/// from ``ParticipationClassifier/position(dateOfBirth:cohortStatus:activities:needs:on:)``;
/// no rule is repeated in SQL.
public struct ParticipationPositions: Sendable {
    let db: any SQLDatabase
    let classifier: ParticipationClassifier

    public init(store: Store) {
        self.init(db: store.sql, classifier: store.classifier)
    }

    init(db: any SQLDatabase, classifier: ParticipationClassifier) {
        self.db = db
        self.classifier = classifier
    }

    static let chunkSize = 500

    /// Recomputes these people's positions as at `day`. A person whose date of
    /// birth or cohort status cannot be read has no position (no queue lists them).
    public func refresh(_ ids: [Int64], on day: CalendarDate) async throws {
        for chunk in ids.chunked(into: Self.chunkSize) where !chunk.isEmpty {
            let positions = try await compute(chunk, on: day)
            try await db.delete(from: "participation_position").where("person_id", .in, chunk).run()
            guard !positions.isEmpty else { continue }
            var insert = db.insert(into: "participation_position").columns(Self.columns)
            for (id, position) in positions { insert = insert.values(Self.values(id, position)) }
            try await insert.run()
        }
    }

    /// Recomputes every row whose day has come and fills in anyone without a
    /// row, in id order and bounded pieces; returns how many were recomputed.
    @discardableResult
    public func refreshDue(on day: CalendarDate, progress: (@Sendable (Int) async throws -> Void)? = nil) async throws -> Int {
        var after: Int64 = 0
        var done = 0
        while true {
            let ids = try await db.raw("""
                SELECT p.id FROM young_person p LEFT JOIN participation_position pp ON pp.person_id = p.id
                WHERE p.id > \(bind: after) AND (pp.person_id IS NULL OR pp.valid_until <= \(bind: day.iso))
                ORDER BY p.id LIMIT \(literal: Self.chunkSize * 4)
                """).all(decodingColumn: "id", as: Int64.self)
            guard let last = ids.last else { return done }
            try await refresh(ids, on: day)
            done += ids.count
            try await progress?(done)
            after = last
        }
    }

    private func compute(_ ids: [Int64], on day: CalendarDate) async throws -> [(Int64, ParticipationPosition)] {
        let people = try await db.select().columns("id", "date_of_birth", "cohort_status").from("young_person").where("id", .in, ids).all()
        var activities: [Int64: [ActivityRecord]] = [:]
        for row in try await db.select().column("*").from("activity").where("person_id", .in, ids)
            .orderBy("person_id").orderBy("start_date").orderBy("id").all()
        {
            activities[try row.decode(column: "person_id", as: Int64.self), default: []].append(try StoredRowDecoding.activityRecord(row))
        }
        var needs: [Int64: [NeedFact]] = [:]
        for row in try await db.select().columns("person_id", "valid_from", "send").from("need_assessment").where("person_id", .in, ids)
            .orderBy("person_id").orderBy("valid_from").orderBy("id").all()
        {
            guard let from = try? CalendarDate(iso: row.decode(column: "valid_from", as: String.self)) else { continue }
            needs[try row.decode(column: "person_id", as: Int64.self), default: []]
                .append(NeedFact(validFrom: from, hasSEND: try row.decode(column: "send", as: Bool.self)))
        }
        return try people.compactMap { row -> (Int64, ParticipationPosition)? in
            let id = try row.decode(column: "id", as: Int64.self)
            guard let born = try? CalendarDate(iso: row.decode(column: "date_of_birth", as: String.self)),
                let status = try? CohortStatus.parse(row.decode(column: "cohort_status", as: String.self))
            else { return nil }
            return (id, classifier.position(dateOfBirth: born, cohortStatus: status, activities: activities[id] ?? [], needs: needs[id] ?? [], on: day))
        }
    }

    static let columns = ["person_id", "state", "detail", "activity_code", "lapses_on", "confirmed_on", "academic_age", "computed_on", "valid_until"]

    static func values(_ id: Int64, _ position: ParticipationPosition) -> [any SQLExpression] {
        let values: [(any Encodable & Sendable)?] = [
            id, position.state.storedKind, position.state.storedDetail, position.currentActivity.map { Int($0.code.rawValue) },
            position.lapsesOn?.iso, position.currentActivity?.lastConfirmed.iso, position.academicAge, position.computedOn.iso, position.validUntil.iso,
        ]
        return values.map { value -> any SQLExpression in value.map { SQLBind($0) } ?? SQLLiteral.null }
    }
}

/// A stored position read back, for checks and for the queues.
public struct StoredPosition: Sendable, Equatable {
    public let personID: Int64
    public let state: ParticipationState?
    public let activityCode: Int?
    public let lapsesOn: String?
    public let academicAge: Int
    public let computedOn: String
    public let validUntil: String
}

extension ParticipationPositions {
    /// Every stored position, by person; for tests and checks, not for pages.
    public func all() async throws -> [Int64: StoredPosition] {
        var found: [Int64: StoredPosition] = [:]
        for row in try await db.select().columns(Self.columns).from("participation_position").all() {
            let id = try row.decode(column: "person_id", as: Int64.self)
            found[id] = StoredPosition(
                personID: id,
                state: ParticipationState(storedKind: try row.decode(column: "state", as: String.self), detail: try row.decode(column: "detail", as: String?.self)),
                activityCode: try row.decode(column: "activity_code", as: Int?.self), lapsesOn: try row.decode(column: "lapses_on", as: String?.self),
                academicAge: try row.decode(column: "academic_age", as: Int.self), computedOn: try row.decode(column: "computed_on", as: String.self),
                validUntil: try row.decode(column: "valid_until", as: String.self))
        }
        return found
    }
}
