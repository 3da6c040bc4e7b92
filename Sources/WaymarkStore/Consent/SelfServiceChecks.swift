import SQLKit
import WaymarkRecords

/// Failed "is it you?" checks on a self-service link, counted from the audit
/// trail (`sign-in-failed` on the campaign member), so the staff access log
/// shows them too and a link stops answering after a few.
public struct SelfServiceChecks: Sendable {
    let db: any SQLDatabase

    public init(store: Store) {
        db = store.sql
    }

    public func failures(member: Int64) async throws -> Int {
        try await db.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from("audit_event")
            .where("action", .equal, SQLBind(AuditAction.signInFailed.rawValue)).where("entity", .equal, SQLBind("campaign_member"))
            .where("entity_id", .equal, SQLBind(member))
            .first(decodingColumn: "n", as: Int.self) ?? 0
    }
}
