import SQLKit

/// Who each campaign reached, and how: one row per young person the campaign
/// considered, with the rule's decision, the message or list entry, the
/// outcome an officer recorded and when the young person answered. The
/// self-service link names this row, so an answer is tied to the attempt
/// that asked for it, whatever the channel (letters have no outbox message).
struct M012CampaignMembers: Migration {
    let version = 12
    let name = "campaign members, answers tied to the attempt"

    func prepare(on db: any SQLDatabase, engine: DatabaseEngine) async throws {
        try await db.alter(table: "campaign").column("sent_at", type: Column.timestamp).run()
        try await db.create(table: "campaign_member")
            .idColumn()
            .column("campaign_id", type: Column.id, .notNull, .references("campaign", "id"))
            .personColumn()
            .column("included", type: Column.bool, .notNull)
            .column("reason", type: .text)
            .column("outbox_message_id", type: Column.id, .references("outbox_message", "id"))
            .column("outcome", type: .text)
            .column("outcome_at", type: Column.timestamp)
            .column("responded_at", type: Column.timestamp)
            .provenanceColumns()
            .run()
        try await db.create(index: "campaign_member_campaign").on("campaign_member").column("campaign_id").run()
        try await db.create(index: "campaign_member_person").on("campaign_member").column("person_id").run()
        try await db.create(index: "campaign_member_message").on("campaign_member").column("outbox_message_id").run()
        try await db.alter(table: "self_service_answer").column("campaign_member_id", type: Column.id, .references("campaign_member", "id")).run()
        try await db.alter(table: "self_service_answer").column("choice", type: .text).run()
        try await db.create(index: "self_service_answer_member").on("self_service_answer").column("campaign_member_id").unique().run()
    }
}
