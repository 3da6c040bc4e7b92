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
        try await PeopleSummaryQuery.select(db, scope: scope)
            .columns(["state", "detail", "activity_code", "lapses_on"].map { SQLColumn($0, table: "pp") })
            .column(SQLRaw("(SELECT MAX(k.occurred_at) FROM contact k WHERE k.person_id = p.id)"), as: "last_contact")
            .join(SQLAlias(SQLIdentifier("participation_position"), as: SQLIdentifier("pp")), method: SQLJoinMethod.left,
                  on: SQLColumn("person_id", table: "pp"), .equal, SQLColumn("id", table: "p"))
            .where(SQLColumn("pa_user_id", table: "p"), .equal, SQLBind(adviserID))
            .orderBy(SQLColumn("family_name", table: "p")).orderBy(SQLColumn("given_name", table: "p"))
            .all()
            .map { row in
                let kind = try row.decode(column: "state", as: String?.self)
                return CaseloadPosition(
                    member: try PeopleSummaryQuery.decode(row),
                    state: try kind.flatMap { ParticipationState(storedKind: $0, detail: try row.decode(column: "detail", as: String?.self)) },
                    activityCode: try row.decode(column: "activity_code", as: Int?.self), lapsesOn: try row.decode(column: "lapses_on", as: String?.self),
                    lastContact: try row.decode(column: "last_contact", as: String?.self))
            }
    }
}
