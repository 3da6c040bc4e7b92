import Foundation
import SQLKit
import WaymarkCore
import WaymarkRecords

/// Sharing with consent: the young person's consent provisions (withdrawal
/// marks a row, never deletes it), the register of data flows seeded with
/// the documented defaults, and overrides of a refused share. Provisions and
/// overrides go with the person on erasure; the register is the
/// installation's. (Version 20 belongs to another branch's migration.)
struct M021Consent: Migration {
    let version = 21
    let name = "consent provisions, data flows and share overrides"

    func prepare(on db: any SQLDatabase, engine: DatabaseEngine) async throws {
        try await db.create(table: "consent_provision")
            .idColumn().personColumn()
            .column("decision", type: .text, .notNull)
            // Null purpose or data class: every one.
            .column("purpose", type: .text)
            .column("recipient_kind", type: .text)
            .column("recipient_organisation_id", type: Column.id, .references("organisation", "id"))
            .column("data_class", type: .text)
            .column("valid_from", type: Column.date, .notNull)
            .column("valid_until", type: Column.date)
            .column("given_by", type: .text, .notNull)
            .column("method", type: .text, .notNull)
            // The worker who heard verbal consent, as they were named then.
            .column("heard_by", type: .text)
            .column("origin", type: .text, .notNull)
            .column("withdrawn_at", type: Column.timestamp)
            .column("withdrawn_by", type: Column.id, .references("app_user", "id"))
            .provenanceColumns()
            .run()
        try await db.create(index: "consent_provision_person").on("consent_provision").column("person_id").run()
        try await db.create(table: "data_flow")
            .idColumn()
            .column("flow_key", type: .text, .notNull, .unique)
            .column("name", type: .text, .notNull)
            .column("direction", type: .text, .notNull)
            .column("counterpart", type: .text, .notNull)
            .column("purpose", type: .text, .notNull)
            .column("article6", type: .text, .notNull)
            .column("article9", type: .text)
            .column("schedule1", type: .text)
            .column("statutory_gateway", type: .text)
            .column("agreement_reference", type: .text)
            .column("review_due", type: Column.date)
            .column("carries", type: .text, .notNull)
            .column("consent_required", type: .text, .notNull)
            .provenanceColumns()
            .run()
        let seededAt = Timestamp.format(Date())
        for flow in DataFlowDefaults.register {
            let values = DataFlowRow.values(flow) + [("source", "default"), ("recorded_by", Int64?.none), ("recorded_at", seededAt)]
            try await db.insert(into: "data_flow").columns(values.map(\.0)).values(values.map { SQLBind($0.1) }).run()
        }
        try await db.create(table: "share_override")
            .idColumn().personColumn()
            .column("user_id", type: Column.id, .notNull, .references("app_user", "id"))
            .column("flow_key", type: .text, .notNull)
            .column("recipient_organisation_id", type: Column.id, .references("organisation", "id"))
            .column("classes", type: .text, .notNull)
            .column("reason", type: .text, .notNull)
            .column("granted_at", type: Column.timestamp, .notNull)
            .column("expires_at", type: Column.timestamp, .notNull)
            .provenanceColumns()
            .run()
        try await db.create(index: "share_override_person").on("share_override").column("person_id").column("expires_at").run()
    }
}
