import SQLKit
public import WaymarkCore
public import WaymarkRecords

/// What "my work today" is made of: an adviser's caseload and its casework,
/// each read with one query joined on the caseload, so the page costs the
/// same whatever the size of the LA.
public struct CaseloadQueries: Sendable {
    let db: any SQLDatabase

    public init(store: Store) {
        self.db = store.sql
    }

    public func members(of adviserID: Int64, in scope: RecordScope) async throws -> [CaseloadMember] {
        try await PeopleSummaryQuery.select(db, scope: scope)
            .where(SQLColumn("pa_user_id", table: "p"), .equal, SQLBind(adviserID))
            .orderBy(SQLColumn("family_name", table: "p")).orderBy(SQLColumn("given_name", table: "p"))
            .all()
            .map(PeopleSummaryQuery.decode)
    }

    /// Each caseload member's activity history, oldest first.
    public func activities(of adviserID: Int64) async throws -> [Int64: [ActivityRecord]] {
        let rows = try await db.select().column(SQLColumn(SQLLiteral.all, table: SQLIdentifier("a")))
            .from(SQLAlias(SQLIdentifier("activity"), as: SQLIdentifier("a")))
            .join(SQLAlias(SQLIdentifier("young_person"), as: SQLIdentifier("p")), method: SQLJoinMethod.inner,
                  on: SQLColumn("id", table: "p"), .equal, SQLColumn("person_id", table: "a"))
            .where(SQLColumn("pa_user_id", table: "p"), .equal, SQLBind(adviserID))
            .orderBy(SQLColumn("person_id", table: "a")).orderBy(SQLColumn("start_date", table: "a")).orderBy(SQLColumn("id", table: "a"))
            .all()
        var histories: [Int64: [ActivityRecord]] = [:]
        for row in rows {
            histories[try row.decode(column: "person_id", as: Int64.self), default: []].append(try StoredRowDecoding.activityRecord(row))
        }
        return histories
    }

    /// Whether each member's latest need assessment records SEND (it extends the cohort to 25).
    public func send(of adviserID: Int64) async throws -> Set<Int64> {
        let rows = try await joined("need_assessment", adviserID: adviserID, columns: ["person_id", "send", "valid_from", "id"])
            .orderBy(SQLColumn("valid_from", table: "t")).orderBy(SQLColumn("id", table: "t")).all()
        var latest: [Int64: Bool] = [:]
        for row in rows { latest[try row.decode(column: "person_id", as: Int64.self)] = try row.decode(column: "send", as: Bool.self) }
        return Set(latest.filter(\.value).keys)
    }

    /// When each member was last contacted (ISO timestamp), whoever recorded it.
    public func lastContact(of adviserID: Int64) async throws -> [Int64: String] {
        let rows = try await db.select().column(SQLColumn("person_id", table: "t"))
            .column(SQLFunction("MAX", args: SQLColumn("occurred_at", table: "t")), as: "last")
            .from(SQLAlias(SQLIdentifier("contact"), as: SQLIdentifier("t")))
            .join(SQLAlias(SQLIdentifier("young_person"), as: SQLIdentifier("p")), method: SQLJoinMethod.inner,
                  on: SQLColumn("id", table: "p"), .equal, SQLColumn("person_id", table: "t"))
            .where(SQLColumn("pa_user_id", table: "p"), .equal, SQLBind(adviserID))
            .groupBy(SQLColumn("person_id", table: "t"))
            .all()
        var last: [Int64: String] = [:]
        for row in rows { last[try row.decode(column: "person_id", as: Int64.self)] = try row.decode(column: "last", as: String.self) }
        return last
    }

    /// Appointments with caseload members marked missed since the given instant.
    public func missedAppointments(of adviserID: Int64, since: String) async throws -> [Int64: String] {
        let rows = try await joined("appointment", adviserID: adviserID, columns: ["person_id", "starts_at"])
            .where(SQLColumn("status", table: "t"), .equal, SQLBind("missed"))
            .where(SQLColumn("starts_at", table: "t"), .greaterThanOrEqual, SQLBind(since))
            .orderBy(SQLColumn("starts_at", table: "t"))
            .all()
        var missed: [Int64: String] = [:]
        for row in rows { missed[try row.decode(column: "person_id", as: Int64.self)] = try row.decode(column: "starts_at", as: String.self) }
        return missed
    }

    /// Open follow-ups assigned to the user, due on or before the date.
    public func followUpsDue(assignedTo userID: Int64, by date: CalendarDate, in scope: RecordScope) async throws -> [OpenFollowUp] {
        try await db.select().columns(["id", "person_id", "due_on", "description"].map { SQLColumn($0, table: "f") })
            .from(SQLAlias(SQLIdentifier("follow_up"), as: SQLIdentifier("f")))
            .join(SQLAlias(SQLIdentifier("young_person"), as: SQLIdentifier("p")), method: SQLJoinMethod.inner,
                  on: SQLColumn("id", table: "p"), .equal, SQLColumn("person_id", table: "f"))
            .where(SQLColumn("assigned_user_id", table: "f"), .equal, SQLBind(userID))
            .where(SQLColumn("completed_at", table: "f"), .is, SQLLiteral.null)
            .where(SQLColumn("due_on", table: "f"), .lessThanOrEqual, SQLBind(date.iso))
            .where(scope.condition(on: "p"))
            .orderBy(SQLColumn("due_on", table: "f"))
            .all()
            .map { row in
                OpenFollowUp(
                    id: try row.decode(column: "id", as: Int64.self), personID: try row.decode(column: "person_id", as: Int64.self),
                    dueOn: try row.decode(column: "due_on", as: String.self), description: try row.decode(column: "description", as: String.self))
            }
    }

    private func joined(_ table: String, adviserID: Int64, columns: [String]) -> SQLSelectBuilder {
        db.select().columns(columns.map { SQLColumn($0, table: "t") })
            .from(SQLAlias(SQLIdentifier(table), as: SQLIdentifier("t")))
            .join(SQLAlias(SQLIdentifier("young_person"), as: SQLIdentifier("p")), method: SQLJoinMethod.inner,
                  on: SQLColumn("id", table: "p"), .equal, SQLColumn("person_id", table: "t"))
            .where(SQLColumn("pa_user_id", table: "p"), .equal, SQLBind(adviserID))
    }
}
