public import Foundation
import SQLKit
public import WaymarkCore
public import WaymarkRecords

/// Reads break-the-glass accesses: what is open for a user on a record now,
/// and every access for the data-protection review.
public struct BreakGlassQueries: Sendable {
    let db: any SQLDatabase

    public init(store: Store) {
        db = store.sql
    }

    /// What `userID` has opened on `personID` at `now`: an access counts from
    /// its grant until, not including, its expiry.
    public func opening(userID: Int64, personID: Int64, at now: Date) async throws -> BreakGlassOpening {
        let stamp = Timestamp.format(now)
        let rows = try await db.select().columns("classes", "expires_at").from("break_glass_access")
            .where("user_id", .equal, SQLBind(userID)).where("person_id", .equal, SQLBind(personID))
            .where("granted_at", .lessThanOrEqual, SQLBind(stamp)).where("expires_at", .greaterThan, SQLBind(stamp))
            .all()
        var classes = Set<SensitivityClass>()
        var until: Date?
        for row in rows {
            classes.formUnion(try SensitivityClassList.decode(try row.decode(column: "classes", as: String.self), table: "break_glass_access"))
            let expiry = try Self.instant(row, "expires_at")
            until = max(until ?? expiry, expiry)
        }
        return BreakGlassOpening(classes: classes, until: until)
    }

    /// The young person, if `scope` may see them, with their adviser.
    public func subject(_ personID: Int64, in scope: RecordScope) async throws -> BreakGlassSubject? {
        guard let row = try await db.select()
            .columns(SQLColumn("id", table: "p"), SQLColumn("given_name", table: "p"), SQLColumn("family_name", table: "p"))
            .column(SQLColumn("id", table: "a"), as: "adviser_id").column(SQLColumn("display_name", table: "a"), as: "adviser_name")
            .column(SQLColumn("disabled", table: "a"), as: "adviser_disabled")
            .from(SQLAlias(SQLIdentifier("young_person"), as: SQLIdentifier("p")))
            .join(SQLAlias(SQLIdentifier("app_user"), as: SQLIdentifier("a")), method: SQLJoinMethod.left,
                  on: SQLColumn("id", table: "a"), .equal, SQLColumn("pa_user_id", table: "p"))
            .where(SQLColumn("id", table: "p"), .equal, SQLBind(personID))
            .where(scope.condition(on: "p"))
            .first()
        else { return nil }
        let adviser = try row.decode(column: "adviser_id", as: Int64?.self).map { id in
            BreakGlassSubject.Adviser(
                id: id, name: try row.decode(column: "adviser_name", as: String.self), disabled: try row.decode(column: "adviser_disabled", as: Bool.self))
        }
        let name = try row.decode(column: "given_name", as: String.self) + " " + row.decode(column: "family_name", as: String.self)
        return BreakGlassSubject(personID: try row.decode(column: "id", as: Int64.self), name: name, adviser: adviser)
    }

    /// Accesses newest first, at most `limit`, older than the access `before` when given.
    public func accesses(before: Int64? = nil, limit: Int) async throws -> [StoredBreakGlassAccess] {
        var query = select()
        if let before { query = query.where(SQLColumn("id", table: "b"), .lessThan, SQLBind(before)) }
        return try await query.orderBy(SQLColumn("id", table: "b"), SQLDirection.descending).limit(limit).all().map(Self.decode)
    }

    /// One access, if it is `userID`'s on `personID` (for the confirmation they are shown).
    public func access(_ id: Int64, userID: Int64, personID: Int64) async throws -> StoredBreakGlassAccess? {
        try await select()
            .where(SQLColumn("id", table: "b"), .equal, SQLBind(id))
            .where(SQLColumn("user_id", table: "b"), .equal, SQLBind(userID))
            .where(SQLColumn("person_id", table: "b"), .equal, SQLBind(personID))
            .first().map(Self.decode)
    }

    private func select() -> SQLSelectBuilder {
        db.select()
            .columns(["id", "person_id", "user_id", "reason", "classes", "granted_at", "expires_at"].map { SQLColumn($0, table: "b") })
            .column(SQLColumn("display_name", table: "u"), as: "user_name").column(SQLColumn("role", table: "u"), as: "user_role")
            .column(SQLColumn("display_name", table: "t"), as: "told_name")
            .from(SQLAlias(SQLIdentifier("break_glass_access"), as: SQLIdentifier("b")))
            .join(SQLAlias(SQLIdentifier("app_user"), as: SQLIdentifier("u")), method: SQLJoinMethod.inner,
                  on: SQLColumn("id", table: "u"), .equal, SQLColumn("user_id", table: "b"))
            .join(SQLAlias(SQLIdentifier("app_user"), as: SQLIdentifier("t")), method: SQLJoinMethod.left,
                  on: SQLColumn("id", table: "t"), .equal, SQLColumn("told_user_id", table: "b"))
    }

    static func decode(_ row: any SQLRow) throws -> StoredBreakGlassAccess {
        StoredBreakGlassAccess(
            id: try row.decode(column: "id", as: Int64.self), personID: try row.decode(column: "person_id", as: Int64.self),
            userID: try row.decode(column: "user_id", as: Int64.self), userName: try row.decode(column: "user_name", as: String.self),
            userRole: try Self.role(row, "user_role"), reason: try row.decode(column: "reason", as: String.self),
            classes: try SensitivityClassList.decode(try row.decode(column: "classes", as: String.self), table: "break_glass_access"),
            grantedAt: try Self.instant(row, "granted_at"), expiresAt: try Self.instant(row, "expires_at"),
            toldUserName: try row.decode(column: "told_name", as: String?.self))
    }

    static func instant(_ row: any SQLRow, _ column: String) throws -> Date {
        let text = try row.decode(column: column, as: String.self)
        guard let instant = Timestamp.parse(text) else { throw StoreError.invalidStoredValue(table: "break_glass_access", column: column, value: text) }
        return instant
    }

    static func role(_ row: any SQLRow, _ column: String) throws -> Role {
        let text = try row.decode(column: column, as: String.self)
        guard let role = Role(rawValue: text) else { throw StoreError.invalidStoredValue(table: "app_user", column: "role", value: text) }
        return role
    }
}
