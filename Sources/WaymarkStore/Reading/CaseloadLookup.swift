import SQLKit
public import WaymarkRecords

/// Answers "may this user see this young person, and whose are they?" in one
/// indexed lookup; nil means unknown or outside the user's scope, which the
/// pages answer with the same 404 so ids cannot be probed.
public struct CaseloadLookup: Sendable {
    let db: any SQLDatabase

    public init(store: Store) {
        self.db = store.sql
    }

    public func placement(of personID: Int64, in scope: RecordScope) async throws -> CaseloadPlacement? {
        guard let row = try await db.select().columns(["id", "pa_user_id", "tier", "caseload_since"].map { SQLColumn($0, table: "p") })
            .from(SQLAlias(SQLIdentifier("young_person"), as: SQLIdentifier("p")))
            .where(SQLColumn("id", table: "p"), .equal, SQLBind(personID))
            .where(scope.condition(on: "p"))
            .first()
        else { return nil }
        return CaseloadPlacement(
            personID: try row.decode(column: "id", as: Int64.self), adviserID: try row.decode(column: "pa_user_id", as: Int64?.self),
            tier: try row.decode(column: "tier", as: Int?.self), since: try row.decode(column: "caseload_since", as: String?.self))
    }
}
