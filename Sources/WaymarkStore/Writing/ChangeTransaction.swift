public import Foundation
import SQLKit
import WaymarkRecords

/// One all-or-nothing change: every write made through it carries the same
/// provenance, and each writes its audit event in the same transaction.
public struct ChangeTransaction: Sendable {
    let db: any SQLDatabase
    public let actor: Actor
    /// The moment of the change, recorded on every fact and audit event.
    public let now: Date
    let recordedAt: String
    let pendingAudit = PendingAuditEvents()
    let touchedPeople = TouchedPeople()
    /// Whose headline timelines to recompute: those whose position may move, and
    /// anyone erased or anonymised (the figures count the anonymised, and an
    /// anonymised record may lose its histories or change its date of birth).
    let figurePeople = TouchedPeople()

    init(db: any SQLDatabase, actor: Actor, now: Date) {
        self.db = db
        self.actor = actor
        self.now = now
        self.recordedAt = Timestamp.format(now)
    }

    /// Appends to the audit trail when the change commits (``Store/change(by:at:_:)``
    /// chains the events then). `detail` must hold codes and IDs, never names, dates of birth or addresses.
    public func audit(_ action: AuditAction, entity: String, entityID: Int64?, personID: Int64?, detail: String? = nil) async throws {
        if let personID, TouchedPeople.affects(action, entity: entity) { touchedPeople.add(personID) }
        if let personID, TouchedPeople.affectsFigures(action, entity: entity) { figurePeople.add(personID) }
        pendingAudit.add(
            AuditEventContent(
                id: 0, occurredAt: recordedAt, actorUserID: actor.userID, actor: actor.label, action: action.rawValue, entity: entity,
                entityID: entityID, personID: personID, detail: detail))
    }

    /// Inserts one row with provenance columns added and returns its new id.
    func insertReturningID(into table: String, _ values: [(String, any Encodable & Sendable)]) async throws -> Int64 {
        let all = values + [("source", actor.source), ("recorded_by", actor.userID), ("recorded_at", recordedAt)]
        let row = try await db.insert(into: table)
            .columns(all.map(\.0))
            .values(all.map { SQLBind($0.1) })
            .returning("id")
            .first()
        guard let row else { throw StoreError.noIDReturned(table: table) }
        return try row.decode(column: "id", as: Int64.self)
    }
}

/// What kind of event the audit trail records.
public enum AuditAction: String, Sendable, CaseIterable {
    case create, update, view, export, `import`, merge, signIn = "sign-in", signOut = "sign-out", signInFailed = "sign-in-failed"
    case bulkLoad = "bulk-load"
    /// A file removed because its retention period ran out.
    case prune
    /// A worker opened information their role withholds on one record, for a few hours, with a reason.
    case breakGlass = "break-glass"
    /// A young person's record deleted by the retention policy: the tombstone, with ids and classes only.
    case erase
    /// A young person's record stripped of identity by the retention policy, kept for statistics.
    case anonymise
}

/// Failures the store reports in its own words.
public enum StoreError: Error, Equatable, CustomStringConvertible {
    case noIDReturned(table: String)
    case notFound(entity: String, id: Int64)
    case invalidStoredValue(table: String, column: String, value: String)

    public var description: String {
        switch self {
        case .noIDReturned(let table): "the database returned no id for the new \(table) row"
        case .notFound(let entity, let id): "no \(entity) with id \(id)"
        case .invalidStoredValue(let table, let column, let value): "\(table).\(column) holds '\(value)', which is not valid"
        }
    }
}
