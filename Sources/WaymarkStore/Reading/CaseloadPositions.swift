import SQLKit
public import WaymarkCore
public import WaymarkRecords

/// A caseload member with their stored participation position and when they were last contacted.
public struct CaseloadPosition: Sendable {
    public let member: CaseloadMember
    public let state: ParticipationState?
    public let activityCode: Int?
    public let lapsesOn: String?
    public let lastContact: String?
}

extension CaseloadQueries {
    /// The adviser's caseload in one query: each member, their stored position
    /// and their last contact, so the home page classifies nothing itself.
    public func positions(of adviserID: Int64, in scope: RecordScope) async throws -> [CaseloadPosition] {
        // Written out and read column by column: every home page runs it, and building it
        // (quoting each name) and decoding it through Codable was a fifth of the page.
        try await db.storedRows("""
            SELECT p.id, p.given_name, p.family_name, p.date_of_birth, p.cohort_status, p.tier, p.caseload_since, o.name AS school,
              pp.state, pp.detail, pp.activity_code, pp.lapses_on,
              (SELECT MAX(k.occurred_at) FROM contact k WHERE k.person_id = p.id) AS last_contact
            FROM young_person p
            LEFT JOIN organisation o ON o.id = p.school_id
            LEFT JOIN participation_position pp ON pp.person_id = p.id
            WHERE \(scope.condition(on: "p")) AND p.pa_user_id = \(bind: adviserID)
            ORDER BY p.family_name, p.given_name
            """)
            .map { row in
                let kind = try row.text("state")
                return CaseloadPosition(
                    member: try PeopleSummaryQuery.member(row),
                    state: try kind.flatMap { ParticipationState(storedKind: $0, detail: try row.text("detail")) },
                    activityCode: try row.integer("activity_code").map(Int.init), lapsesOn: try row.text("lapses_on"),
                    lastContact: try row.text("last_contact"))
            }
    }
}
