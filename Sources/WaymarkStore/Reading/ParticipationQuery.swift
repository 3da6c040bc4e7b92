import SQLKit
public import WaymarkCore
public import WaymarkRecords

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
        var counts = ParticipationCounts()
        var after: Int64 = 0
        // Batches by id keep memory flat; SQLite rows are read directly (SQLKit's decoding was most of the time).
        while true {
            let rows = try await db.storedRows(Self.query(responsibleLA: responsibleLA, date: date, after: after, limit: Self.batchSize))
            for row in rows {
                counts.add(classifier.classify(try Self.facts(row), on: date))
                after = try row.requiredInteger("id", table: "young_person")
            }
            if rows.count < Self.batchSize { return counts }
        }
    }

    static let batchSize = 20_000

    /// The counts from the stored positions (`participation_position`), grouped
    /// in the database: no classifying, no reading every row into the process.
    public func storedCounts(responsibleLA: LocalAuthorityCode) async throws -> ParticipationCounts {
        var counts = ParticipationCounts()
        let rows = try await db.storedRows("""
            SELECT pp.state, pp.detail, COUNT(*) AS n FROM participation_position pp JOIN young_person p ON p.id = pp.person_id
            WHERE p.responsible_la = \(bind: responsibleLA.code) AND p.merged_into IS NULL
            GROUP BY pp.state, pp.detail
            """)
        for row in rows {
            guard let state = ParticipationState(storedKind: try row.requiredText("state", table: "participation_position"), detail: try row.text("detail"))
            else { continue }
            counts.add(state, count: Int(try row.requiredInteger("n", table: "participation_position")))
        }
        return counts
    }

    /// Each young person's state on the date, classified from the records as at
    /// that date: the reference the stored positions are checked against.
    public func states(
        responsibleLA: LocalAuthorityCode, on date: CalendarDate, classifier: ParticipationClassifier
    ) async throws -> [Int64: ParticipationState] {
        var states: [Int64: ParticipationState] = [:]
        var after: Int64 = 0
        while true {
            let rows = try await db.storedRows(Self.query(responsibleLA: responsibleLA, date: date, after: after, limit: Self.batchSize))
            for row in rows {
                after = try row.requiredInteger("id", table: "young_person")
                states[after] = classifier.classify(try Self.facts(row), on: date)
            }
            if rows.count < Self.batchSize { return states }
        }
    }

    /// One row per young person: their cohort facts and the activity current on the date.
    /// The current activity is found per person through the (person_id, start_date)
    /// index; a window over all activities was ten times slower on SQLite.
    static func query(responsibleLA: LocalAuthorityCode, date: CalendarDate, after: Int64, limit: Int) -> SQLQueryString {
        """
            SELECT p.id, p.date_of_birth, p.cohort_status,
              (SELECT n.send FROM need_assessment n WHERE n.person_id = p.id AND n.valid_from <= \(bind: date.iso)
                 ORDER BY n.valid_from DESC, n.id DESC LIMIT 1) AS has_send,
              a.code, a.start_date, a.date_ascertained, a.date_verified, a.review_date, a.predicted_end_date,
              a.neet_start_date, a.establishment_number, a.establishment_name, a.ukprn
            FROM young_person p
            LEFT JOIN activity a ON a.id = (
              SELECT act.id FROM activity act WHERE act.person_id = p.id AND act.start_date <= \(bind: date.iso)
              ORDER BY act.start_date DESC, act.id DESC LIMIT 1)
            WHERE p.responsible_la = \(bind: responsibleLA.code) AND p.merged_into IS NULL AND p.id > \(bind: after)
            ORDER BY p.id LIMIT \(bind: limit)
            """
    }

    static func facts(_ row: any StoredColumns) throws -> ParticipationFacts {
        let hasActivity = try row.integer("code") != nil
        return ParticipationFacts(
            dateOfBirth: try StoredRowDecoding.date(row, "date_of_birth"),
            cohortStatus: try CohortStatus.parse(row.requiredText("cohort_status", table: "young_person")),
            hasSEND: try row.bool("has_send") ?? false,
            currentActivity: hasActivity ? try StoredRowDecoding.activityRecord(row) : nil)
    }
}
