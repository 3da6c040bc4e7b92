import NIOConcurrencyHelpers
import SQLKit
import WaymarkCore

/// How many young people an LA has in each state on a date.
public struct ParticipationCounts: Sendable, Equatable {
    public var recordsHeld = 0
    public var eet = 0
    public var neet = 0
    public var notKnown = 0
    public var other = 0
    public var year11 = 0
    public var notInCohort = 0
    public var notKnownByReason: [ParticipationState.NotKnownReason: Int] = [:]

    public init() {}

    /// The headline denominator: EET, NEET and not known (custody and refugees excluded).
    public var cohort: Int { eet + neet + notKnown }

    public func percentage(_ count: Int) -> Double {
        cohort == 0 ? 0 : Double(count) * 100 / Double(cohort)
    }

    mutating func add(_ state: ParticipationState) {
        recordsHeld += 1
        switch state {
        case .eet: eet += 1
        case .neet: neet += 1
        case .notKnown(let reason):
            notKnown += 1
            notKnownByReason[reason, default: 0] += 1
        case .other: other += 1
        case .notInCohort(.compulsorySchoolAge): year11 += 1
        case .notInCohort: notInCohort += 1
        }
    }
}

/// Classifies every young person an LA is responsible for, with the one
/// classification function, streaming rows so memory stays flat.
public struct ParticipationQuery: Sendable {
    let db: any SQLDatabase

    public init(store: Store) {
        self.db = store.sql
    }

    public func counts(
        responsibleLA: LocalAuthorityCode, on date: CalendarDate, classifier: ParticipationClassifier
    ) async throws -> ParticipationCounts {
        let counts = NIOLockedValueBox(ParticipationCounts())
        let failure = NIOLockedValueBox<(any Error)?>(nil)
        try await Self.query(on: db, responsibleLA: responsibleLA, date: date).run { row in
            do {
                let facts = try Self.facts(row)
                let state = classifier.classify(facts, on: date)
                counts.withLockedValue { $0.add(state) }
            } catch {
                failure.withLockedValue { if $0 == nil { $0 = error } }
            }
        }
        if let error = failure.withLockedValue({ $0 }) { throw error }
        return counts.withLockedValue { $0 }
    }

    /// One row per young person: their cohort facts and the activity current on the date.
    static func query(on db: any SQLDatabase, responsibleLA: LocalAuthorityCode, date: CalendarDate) -> SQLRawBuilder {
        db.raw("""
            SELECT p.id, p.date_of_birth, p.cohort_status,
              (SELECT n.send FROM need_assessment n WHERE n.person_id = p.id AND n.valid_from <= \(bind: date.iso)
                 ORDER BY n.valid_from DESC, n.id DESC LIMIT 1) AS has_send,
              a.code, a.start_date, a.date_ascertained, a.date_verified, a.review_date, a.predicted_end_date,
              a.neet_start_date, a.establishment_number, a.establishment_name, a.ukprn
            FROM young_person p
            LEFT JOIN (
              SELECT act.*, ROW_NUMBER() OVER (PARTITION BY act.person_id ORDER BY act.start_date DESC, act.id DESC) AS position
              FROM activity act WHERE act.start_date <= \(bind: date.iso)
            ) a ON a.person_id = p.id AND a.position = 1
            WHERE p.responsible_la = \(bind: responsibleLA.code)
            """)
    }

    static func facts(_ row: any SQLRow) throws -> ParticipationFacts {
        let hasActivity = try row.decodeNil(column: "code") == false
        return ParticipationFacts(
            dateOfBirth: try StoredRowDecoding.date(row, "date_of_birth"),
            cohortStatus: try CohortStatus.parse(row.decode(column: "cohort_status", as: String.self)),
            hasSEND: try row.decode(column: "has_send", as: Bool?.self) ?? false,
            currentActivity: hasActivity ? try StoredRowDecoding.activityRecord(row) : nil)
    }
}
