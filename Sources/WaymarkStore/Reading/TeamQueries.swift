import SQLKit
public import WaymarkRecords

/// The manager's view of the adviser team: caseload sizes and contacts recorded.
public struct TeamQueries: Sendable {
    let db: any SQLDatabase

    public init(store: Store) {
        self.db = store.sql
    }

    /// Every personal adviser of the organisation, with caseload size (within scope),
    /// the contacts they recorded from `since` (an ISO timestamp) and how many of
    /// their caseload had any contact from `since`, whoever recorded it.
    public func workloads(organisationID: Int64, scope: RecordScope, contactsSince since: String) async throws -> [AdviserWorkload] {
        let advisers = try await db.select().columns("id", "display_name", "disabled").from("app_user")
            .where("organisation_id", .equal, organisationID).where("role", .equal, Role.personalAdviser.rawValue)
            .orderBy("display_name")
            .all()
        let sizes = try await counts(
            db.select().column(SQLColumn("pa_user_id", table: "p"), as: "user_id").column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n")
                .from(SQLAlias(SQLIdentifier("young_person"), as: SQLIdentifier("p")))
                .where(SQLColumn("pa_user_id", table: "p"), .isNot, SQLLiteral.null)
                .where(scope.condition(on: "p"))
                .groupBy(SQLColumn("pa_user_id", table: "p")))
        let contacts = try await counts(
            db.select().column("recorded_by", as: "user_id").column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from("contact")
                .where("recorded_by", .isNot, SQLLiteral.null)
                .where("occurred_at", .greaterThanOrEqual, since)
                .groupBy("recorded_by"))
        let contacted = try await counts(
            db.select().column(SQLColumn("pa_user_id", table: "p"), as: "user_id")
                .column(SQLFunction("COUNT", args: SQLDistinct(SQLColumn("id", table: "p"))), as: "n")
                .from(SQLAlias(SQLIdentifier("young_person"), as: SQLIdentifier("p")))
                .join(SQLAlias(SQLIdentifier("contact"), as: SQLIdentifier("c")), method: SQLJoinMethod.inner,
                      on: SQLColumn("person_id", table: "c"), .equal, SQLColumn("id", table: "p"))
                .where(SQLColumn("pa_user_id", table: "p"), .isNot, SQLLiteral.null)
                .where(SQLColumn("occurred_at", table: "c"), .greaterThanOrEqual, SQLBind(since))
                .where(scope.condition(on: "p"))
                .groupBy(SQLColumn("pa_user_id", table: "p")))
        return try advisers.map { row in
            let id = try row.decode(column: "id", as: Int64.self)
            return AdviserWorkload(
                id: id, displayName: try row.decode(column: "display_name", as: String.self),
                disabled: try row.decode(column: "disabled", as: Bool.self), caseload: sizes[id] ?? 0, contactsThisMonth: contacts[id] ?? 0,
                caseloadContacted: contacted[id] ?? 0)
        }
    }

    /// The young people an adviser recorded a contact with from `since`, within scope.
    public func contactedPeople(by userID: Int64, since: String, in scope: RecordScope) async throws -> [Int64] {
        try await db.select().distinct().column(SQLColumn("person_id", table: "c"))
            .from(SQLAlias(SQLIdentifier("contact"), as: SQLIdentifier("c")))
            .join(SQLAlias(SQLIdentifier("young_person"), as: SQLIdentifier("p")), method: SQLJoinMethod.inner,
                  on: SQLColumn("id", table: "p"), .equal, SQLColumn("person_id", table: "c"))
            .where(SQLColumn("recorded_by", table: "c"), .equal, SQLBind(userID))
            .where(SQLColumn("occurred_at", table: "c"), .greaterThanOrEqual, SQLBind(since))
            .where(scope.condition(on: "p"))
            .all(decodingColumn: "person_id", as: Int64.self)
    }

    private func counts(_ query: SQLSelectBuilder) async throws -> [Int64: Int] {
        var counts: [Int64: Int] = [:]
        for row in try await query.all() {
            counts[try row.decode(column: "user_id", as: Int64.self)] = try row.decode(column: "n", as: Int.self)
        }
        return counts
    }
}
