public import Foundation
import SQLKit
public import WaymarkRecords

/// One audit event about a young person, as "who has looked at this record" shows it.
public struct PersonAuditEntry: Sendable, Equatable, Identifiable {
    public let id: Int64
    public let occurredAt: Date
    /// "user:12", "system:import".
    public let actor: String
    public let userName: String?
    /// The user's role now: the trail records who, not which role they held then.
    public let userRole: Role?
    public let action: String
    public let entity: String
    public let entityID: Int64?
    public let detail: String?
}

/// Reads the audit trail of one young person, newest first, a page at a
/// time. Pages are marked by the oldest id shown, not counted by offset:
/// reading the trail adds to it, and an offset would then repeat a row.
public struct PersonAuditTrail: Sendable {
    let db: any SQLDatabase

    public init(store: Store) {
        db = store.sql
    }

    public func events(about personID: Int64, before: Int64? = nil, limit: Int) async throws -> [PersonAuditEntry] {
        var query = db.select()
            .columns(["id", "occurred_at", "actor", "action", "entity", "entity_id", "detail"].map { SQLColumn($0, table: "e") })
            .column(SQLColumn("display_name", table: "u"), as: "user_name").column(SQLColumn("role", table: "u"), as: "user_role")
            .from(SQLAlias(SQLIdentifier("audit_event"), as: SQLIdentifier("e")))
            .join(SQLAlias(SQLIdentifier("app_user"), as: SQLIdentifier("u")), method: SQLJoinMethod.left,
                  on: SQLColumn("id", table: "u"), .equal, SQLColumn("actor_user_id", table: "e"))
            .where(SQLColumn("person_id", table: "e"), .equal, SQLBind(personID))
        if let before { query = query.where(SQLColumn("id", table: "e"), .lessThan, SQLBind(before)) }
        return try await query
            .orderBy(SQLColumn("id", table: "e"), SQLDirection.descending)
            .limit(limit)
            .all()
            .map { row in
                let stamp = try row.decode(column: "occurred_at", as: String.self)
                guard let occurredAt = Timestamp.parse(stamp) else {
                    throw StoreError.invalidStoredValue(table: "audit_event", column: "occurred_at", value: stamp)
                }
                return PersonAuditEntry(
                    id: try row.decode(column: "id", as: Int64.self), occurredAt: occurredAt, actor: try row.decode(column: "actor", as: String.self),
                    userName: try row.decode(column: "user_name", as: String?.self),
                    userRole: try row.decode(column: "user_role", as: String?.self).map { text in
                        guard let role = Role(rawValue: text) else { throw StoreError.invalidStoredValue(table: "app_user", column: "role", value: text) }
                        return role
                    },
                    action: try row.decode(column: "action", as: String.self), entity: try row.decode(column: "entity", as: String.self),
                    entityID: try row.decode(column: "entity_id", as: Int64?.self), detail: try row.decode(column: "detail", as: String?.self))
            }
    }
}
