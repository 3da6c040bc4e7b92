import SQLKit

/// Picks young people for the demo's advisers: two in three who have been
/// NEET at some point, as a real service would, then others, in id order.
public struct CaseloadCandidates: Sendable {
    let db: any SQLDatabase

    public init(store: Store) {
        self.db = store.sql
    }

    public func pick(_ count: Int, responsibleLA: String) async throws -> [Int64] {
        let neet = try await db.select().distinct().column(SQLColumn("person_id", table: "a"))
            .from(SQLAlias(SQLIdentifier("activity"), as: SQLIdentifier("a")))
            .join(SQLAlias(SQLIdentifier("young_person"), as: SQLIdentifier("p")), method: SQLJoinMethod.inner,
                  on: SQLColumn("id", table: "p"), .equal, SQLColumn("person_id", table: "a"))
            .where(SQLColumn("responsible_la", table: "p"), .equal, SQLBind(responsibleLA))
            .where(SQLColumn("code", table: "a"), .greaterThanOrEqual, SQLBind(540))
            .where(SQLColumn("code", table: "a"), .lessThan, SQLBind(700))
            .where(SQLColumn("cohort_status", table: "p"), .equal, SQLBind("P"))
            .orderBy(SQLColumn("person_id", table: "a"))
            .limit(count * 2 / 3)
            .all(decodingColumn: "person_id", as: Int64.self)
        let others = try await db.select().column("id").from("young_person")
            .where("responsible_la", .equal, responsibleLA).where("cohort_status", .equal, "P")
            .orderBy("id").limit(count * 2)
            .all(decodingColumn: "id", as: Int64.self)
        let chosen = Set(neet)
        return neet + others.filter { !chosen.contains($0) }.prefix(count - neet.count)
    }
}
