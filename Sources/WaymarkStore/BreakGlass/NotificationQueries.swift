public import Foundation
import SQLKit
public import WaymarkCore
public import WaymarkRecords

/// A notice that someone broke the glass on a young person's record, as the
/// adviser it was stored for reads it.
public struct StoredBreakGlassNotice: Sendable, Equatable, Identifiable {
    public let id: Int64
    public let accessID: Int64
    public let personID: Int64
    public let personName: String
    public let userName: String
    public let userRole: Role
    public let reason: String
    public let classes: Set<SensitivityClass>
    public let grantedAt: Date
    public let expiresAt: Date
}

/// Reads the notices stored for a user.
public struct NotificationQueries: Sendable {
    let db: any SQLDatabase

    public init(store: Store) {
        db = store.sql
    }

    /// Break-the-glass notices for `userID` stored from `since`, newest first, at most `limit`.
    public func breakGlassNotices(for userID: Int64, since: Date, limit: Int) async throws -> [StoredBreakGlassNotice] {
        try await db.select()
            .column(SQLColumn("id", table: "n"))
            .columns(["person_id", "reason", "classes", "granted_at", "expires_at"].map { SQLColumn($0, table: "b") })
            .column(SQLColumn("id", table: "b"), as: "access_id")
            .columns(SQLColumn("given_name", table: "p"), SQLColumn("family_name", table: "p"))
            .column(SQLColumn("display_name", table: "u"), as: "user_name").column(SQLColumn("role", table: "u"), as: "user_role")
            .from(SQLAlias(SQLIdentifier("notification"), as: SQLIdentifier("n")))
            .join(SQLAlias(SQLIdentifier("break_glass_access"), as: SQLIdentifier("b")), method: SQLJoinMethod.inner,
                  on: SQLColumn("id", table: "b"), .equal, SQLColumn("break_glass_access_id", table: "n"))
            .join(SQLAlias(SQLIdentifier("young_person"), as: SQLIdentifier("p")), method: SQLJoinMethod.inner,
                  on: SQLColumn("id", table: "p"), .equal, SQLColumn("person_id", table: "b"))
            .join(SQLAlias(SQLIdentifier("app_user"), as: SQLIdentifier("u")), method: SQLJoinMethod.inner,
                  on: SQLColumn("id", table: "u"), .equal, SQLColumn("user_id", table: "b"))
            .where(SQLColumn("user_id", table: "n"), .equal, SQLBind(userID))
            .where(SQLColumn("kind", table: "n"), .equal, SQLBind(NotificationKind.breakGlass.rawValue))
            .where(SQLColumn("recorded_at", table: "n"), .greaterThanOrEqual, SQLBind(Timestamp.format(since)))
            .orderBy(SQLColumn("id", table: "n"), SQLDirection.descending)
            .limit(limit)
            .all()
            .map { row in
                StoredBreakGlassNotice(
                    id: try row.decode(column: "id", as: Int64.self), accessID: try row.decode(column: "access_id", as: Int64.self),
                    personID: try row.decode(column: "person_id", as: Int64.self),
                    personName: try row.decode(column: "given_name", as: String.self) + " " + row.decode(column: "family_name", as: String.self),
                    userName: try row.decode(column: "user_name", as: String.self), userRole: try BreakGlassQueries.role(row, "user_role"),
                    reason: try row.decode(column: "reason", as: String.self),
                    classes: try SensitivityClassList.decode(try row.decode(column: "classes", as: String.self), table: "break_glass_access"),
                    grantedAt: try BreakGlassQueries.instant(row, "granted_at"), expiresAt: try BreakGlassQueries.instant(row, "expires_at"))
            }
    }
}
