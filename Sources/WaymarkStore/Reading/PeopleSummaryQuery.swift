import SQLKit
public import WaymarkRecords

/// The few columns every list of young people shows, read the same way everywhere.
public struct PeopleSummaryQuery: Sendable {
    let db: any SQLDatabase

    public init(store: Store) {
        self.db = store.sql
    }

    /// The given people that are in scope, by name.
    public func members(ids: Set<Int64>, in scope: RecordScope) async throws -> [CaseloadMember] {
        guard !ids.isEmpty else { return [] }
        return try await Self.select(db, scope: scope)
            .where(SQLColumn("id", table: "p"), .in, SQLBind.group(ids.sorted()))
            .orderBy(SQLColumn("family_name", table: "p")).orderBy(SQLColumn("given_name", table: "p"))
            .all()
            .map(Self.decode)
    }

    static func select(_ db: any SQLDatabase, scope: RecordScope) -> SQLSelectBuilder {
        db.select()
            .columns(["id", "given_name", "family_name", "date_of_birth", "cohort_status", "tier", "caseload_since"].map { SQLColumn($0, table: "p") })
            .column(SQLColumn("name", table: "o"), as: "school")
            .from(SQLAlias(SQLIdentifier("young_person"), as: SQLIdentifier("p")))
            .join(SQLAlias(SQLIdentifier("organisation"), as: SQLIdentifier("o")), method: SQLJoinMethod.left,
                  on: SQLColumn("id", table: "o"), .equal, SQLColumn("school_id", table: "p"))
            .where(scope.condition(on: "p"))
    }

    static func decode(_ row: any SQLRow) throws -> CaseloadMember {
        CaseloadMember(
            id: try row.decode(column: "id", as: Int64.self), givenName: try row.decode(column: "given_name", as: String.self),
            familyName: try row.decode(column: "family_name", as: String.self),
            dateOfBirth: try row.decode(column: "date_of_birth", as: String.self),
            cohortStatus: try row.decode(column: "cohort_status", as: String.self), tier: try row.decode(column: "tier", as: Int?.self),
            since: try row.decode(column: "caseload_since", as: String?.self), school: try row.decode(column: "school", as: String?.self))
    }

    /// The same from a row read directly (``StoredColumns``).
    static func member(_ row: any StoredColumns) throws -> CaseloadMember {
        CaseloadMember(
            id: try row.requiredInteger("id", table: "young_person"), givenName: try row.requiredText("given_name", table: "young_person"),
            familyName: try row.requiredText("family_name", table: "young_person"),
            dateOfBirth: try row.requiredText("date_of_birth", table: "young_person"),
            cohortStatus: try row.requiredText("cohort_status", table: "young_person"), tier: try row.integer("tier").map(Int.init),
            since: try row.text("caseload_since"), school: try row.text("school"))
    }
}
