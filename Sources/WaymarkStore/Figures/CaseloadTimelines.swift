import SQLKit
public import WaymarkCore
public import WaymarkRecords

/// The kept headline timelines of advisers' caseloads (within scope), for the
/// home page's outcomes: one read joined on the caseload, so it costs what
/// the caseloads hold and not what the LA holds.
public struct CaseloadTimelines: Sendable {
    let db: any SQLDatabase

    public init(store: Store) {
        db = store.sql
    }

    /// Each adviser's members' timelines, by adviser.
    public func timelines(of adviserIDs: [Int64], in scope: RecordScope) async throws -> [Int64: [HeadlineTimeline]] {
        guard !adviserIDs.isEmpty else { return [:] }
        let rows = try await db.select()
            .column(SQLColumn("pa_user_id", table: "p"), as: "adviser")
            .column(SQLColumn("segments", table: "t"))
            .from(SQLAlias(SQLIdentifier("young_person"), as: SQLIdentifier("p")))
            .join(SQLAlias(SQLIdentifier("figure_timeline"), as: SQLIdentifier("t")), method: SQLJoinMethod.inner,
                  on: SQLColumn("person_id", table: "t"), .equal, SQLColumn("id", table: "p"))
            .where(SQLColumn("pa_user_id", table: "p"), .in, SQLBind.group(adviserIDs))
            .where(scope.condition(on: "p"))
            .all()
        var found: [Int64: [HeadlineTimeline]] = [:]
        for row in rows {
            guard let timeline = HeadlineTimeline(stored: try row.decode(column: "segments", as: String.self)) else { continue }
            found[try row.decode(column: "adviser", as: Int64.self), default: []].append(timeline)
        }
        return found
    }
}
