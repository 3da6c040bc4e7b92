import SQLKit
public import WaymarkCore
public import WaymarkRecords

/// One young person as the queues see them: enough to classify them on a
/// date and to show who they are and who holds them.
public struct QueueRow: Sendable {
    public let member: CaseloadMember
    public let facts: ParticipationFacts?
    public let adviserID: Int64?
    public let lastContact: String?
    public let ward: String?
    /// September Guarantee status codes recorded for the academic year containing the date, by year group (the latest kept).
    public let guarantees: [GuaranteeYear: Int]
}

/// Reads every young person in scope that passes the filter, in id batches,
/// with their current activity found through the (person_id, start_date) index.
public struct QueueQuery: Sendable {
    let db: any SQLDatabase

    public init(store: Store) {
        self.db = store.sql
    }

    public func forEachBatch(in scope: RecordScope, filter: QueueFilter, on date: CalendarDate, _ body: ([QueueRow]) throws -> Void) async throws {
        var after: Int64 = 0
        while true {
            let rows = try await db.storedRows(query(scope: scope, filter: filter, date: date, after: after))
            try body(try rows.map(Self.row))
            guard rows.count == Self.batchSize, let last = rows.last else { return }
            after = try last.requiredInteger("id", table: "young_person")
        }
    }

    static let batchSize = 5_000

    private func query(scope: RecordScope, filter: QueueFilter, date: CalendarDate, after: Int64) -> SQLQueryString {
        var conditions: SQLQueryString = "\(scope.condition(on: "p")) AND p.id > \(bind: after)"
        // The school shown on the record, a filter for LA staff; who may see whom is the scope's.
        if let school = filter.schoolID { conditions = conditions + " AND p.school_id = \(bind: school)" }
        if let adviser = filter.adviserID { conditions = conditions + " AND p.pa_user_id = \(bind: adviser)" }
        if let ward = filter.ward {
            conditions = conditions + " AND EXISTS (SELECT 1 FROM address w WHERE w.person_id = p.id AND w.valid_to IS NULL AND w.ward = \(bind: ward))"
        }
        if let code = filter.characteristic {
            conditions = conditions + """
                 AND EXISTS (SELECT 1 FROM characteristic c WHERE c.person_id = p.id AND c.code = \(bind: code.rawValue)
                   AND c.start_date <= \(bind: date.iso) AND (c.end_date IS NULL OR c.end_date >= \(bind: date.iso)))
                """
        }
        return """
            SELECT p.id, p.given_name, p.family_name, p.date_of_birth, p.cohort_status, p.tier, p.caseload_since, p.pa_user_id,
              o.name AS school,
              (SELECT n.send FROM need_assessment n WHERE n.person_id = p.id AND n.valid_from <= \(bind: date.iso)
                 ORDER BY n.valid_from DESC, n.id DESC LIMIT 1) AS has_send,
              (SELECT MAX(k.occurred_at) FROM contact k WHERE k.person_id = p.id) AS last_contact,
              (SELECT w.ward FROM address w WHERE w.person_id = p.id AND w.valid_to IS NULL ORDER BY w.valid_from DESC LIMIT 1) AS ward,
              (SELECT g.status FROM september_guarantee g WHERE g.person_id = p.id AND g.year_group = 11
                 AND g.academic_year = \(bind: AcademicYear(containing: date).startYear) ORDER BY g.id DESC LIMIT 1) AS guarantee_y11,
              (SELECT g.status FROM september_guarantee g WHERE g.person_id = p.id AND g.year_group = 12
                 AND g.academic_year = \(bind: AcademicYear(containing: date).startYear) ORDER BY g.id DESC LIMIT 1) AS guarantee_y12,
              a.code, a.start_date, a.date_ascertained, a.date_verified, a.review_date, a.predicted_end_date,
              a.neet_start_date, a.establishment_number, a.establishment_name, a.ukprn
            FROM young_person p
            LEFT JOIN organisation o ON o.id = p.school_id
            LEFT JOIN activity a ON a.id = (
              SELECT act.id FROM activity act WHERE act.person_id = p.id AND act.start_date <= \(bind: date.iso)
              ORDER BY act.start_date DESC, act.id DESC LIMIT 1)
            WHERE \(conditions)
            ORDER BY p.id LIMIT \(literal: Self.batchSize)
            """
    }

    static func row(_ row: any StoredColumns) throws -> QueueRow {
        let id = try row.requiredInteger("id", table: "young_person")
        let dateOfBirth = try row.requiredText("date_of_birth", table: "young_person")
        let cohort = try row.requiredText("cohort_status", table: "young_person")
        let member = CaseloadMember(
            id: id, givenName: try row.requiredText("given_name", table: "young_person"), familyName: try row.requiredText("family_name", table: "young_person"),
            dateOfBirth: dateOfBirth, cohortStatus: cohort, tier: try row.integer("tier").map(Int.init), since: try row.text("caseload_since"),
            school: try row.text("school"))
        var facts: ParticipationFacts?
        if let born = try? CalendarDate(iso: dateOfBirth), let status = try? CohortStatus.parse(cohort) {
            let activity = try row.integer("code") != nil ? try StoredRowDecoding.activityRecord(row) : nil
            facts = ParticipationFacts(dateOfBirth: born, cohortStatus: status, hasSEND: try row.bool("has_send") ?? false, currentActivity: activity)
        }
        var guarantees: [GuaranteeYear: Int] = [:]
        if let status = try row.integer("guarantee_y11") { guarantees[.year11] = Int(status) }
        if let status = try row.integer("guarantee_y12") { guarantees[.year12] = Int(status) }
        return QueueRow(member: member, facts: facts, adviserID: try row.integer("pa_user_id"), lastContact: try row.text("last_contact"),
                        ward: try row.text("ward"), guarantees: guarantees)
    }
}
