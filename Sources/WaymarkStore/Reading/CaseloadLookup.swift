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
        // Written out and read directly: every record page and every change asks it first.
        guard let row = try await db.storedRows("""
            SELECT p.id, p.pa_user_id, p.tier, p.caseload_since FROM young_person p
            WHERE p.id = \(bind: personID) AND \(scope.condition(on: "p"))
            """).first
        else { return nil }
        return CaseloadPlacement(
            personID: try row.requiredInteger("id", table: "young_person"), adviserID: try row.integer("pa_user_id"),
            tier: try row.integer("tier").map(Int.init), since: try row.text("caseload_since"))
    }
}
