public import Foundation
import SQLKit
public import WaymarkCore
import WaymarkRecords

/// An override of a refused share to store.
public struct NewShareOverride: Sendable, Equatable {
    public var personID: Int64
    public var userID: Int64
    public var flowKey: String
    public var recipientID: Int64?
    public var classes: Set<SensitivityClass>
    public var reason: String
    public var grantedAt: Date
    public var expiresAt: Date

    public init(personID: Int64, userID: Int64, flowKey: String, recipientID: Int64?, classes: Set<SensitivityClass>, reason: String, grantedAt: Date, expiresAt: Date) {
        self.personID = personID
        self.userID = userID
        self.flowKey = flowKey
        self.recipientID = recipientID
        self.classes = classes
        self.reason = reason
        self.grantedAt = grantedAt
        self.expiresAt = expiresAt
    }
}

extension ChangeTransaction {
    /// Stores a provision as given (its `recordedAt` is this change's moment) with its audit event.
    public func recordConsent(_ provision: ConsentProvision, for personID: Int64) async throws -> Int64 {
        var stored = provision
        stored.recordedAt = now
        let id = try await insertReturningID(into: "consent_provision", ConsentRow.values(stored, personID: personID))
        try await audit(.create, entity: "consent_provision", entityID: id, personID: personID, detail: ConsentRow.detail(stored))
        return id
    }

    /// Withdraws a provision from this moment; false when it is not this
    /// person's or was already withdrawn. The row stays as history.
    public func withdrawConsent(_ id: Int64, of personID: Int64) async throws -> Bool {
        let changed = try await db.update("consent_provision")
            .set("withdrawn_at", to: SQLBind(recordedAt)).set("withdrawn_by", to: SQLBind(actor.userID))
            .where("id", .equal, SQLBind(id)).where("person_id", .equal, SQLBind(personID)).where("withdrawn_at", .is, SQLLiteral.null)
            .returning("id").all()
        guard !changed.isEmpty else { return false }
        try await audit(.update, entity: "consent_provision", entityID: id, personID: personID, detail: "withdrawn")
        return true
    }

    /// Replaces a register entry's editable fields; the key stays.
    public func updateDataFlow(_ flow: DataFlow) async throws -> Bool {
        let values = DataFlowRow.values(flow).filter { $0.0 != "flow_key" }
            + [("source", actor.source), ("recorded_by", actor.userID), ("recorded_at", recordedAt)]
        var update = db.update("data_flow")
        for (column, value) in values { update = update.set(SQLIdentifier(column), to: SQLBind(value)) }
        let changed = try await update.where("flow_key", .equal, SQLBind(flow.key)).returning("id").all()
        guard let row = changed.first else { return false }
        try await audit(.update, entity: "data_flow", entityID: try row.decode(column: "id", as: Int64.self), personID: nil, detail: "flow=\(flow.key)")
        return true
    }

    /// Stores an override with its audit event. As with break-the-glass, the
    /// detail holds the reason's length, not the reason, which may describe
    /// the young person and stays in `share_override` (erased with them).
    public func recordShareOverride(_ override: NewShareOverride) async throws -> Int64 {
        let id = try await insertReturningID(
            into: "share_override",
            [
                ("person_id", override.personID), ("user_id", override.userID), ("flow_key", override.flowKey),
                ("recipient_organisation_id", override.recipientID), ("classes", SensitivityClassList.encode(override.classes)),
                ("reason", override.reason), ("granted_at", Timestamp.format(override.grantedAt)), ("expires_at", Timestamp.format(override.expiresAt)),
            ])
        let minutes = Int(override.expiresAt.timeIntervalSince(override.grantedAt) / 60)
        let detail = [
            "flow=\(override.flowKey)", "recipient=\(override.recipientID.map { "organisation:\($0)" } ?? "any")",
            "classes=\(SensitivityClassList.encode(override.classes))", "minutes=\(minutes)", "reason-characters=\(override.reason.count)",
        ].joined(separator: "; ")
        try await audit(.create, entity: "share_override", entityID: id, personID: override.personID, detail: detail)
        return id
    }
}
