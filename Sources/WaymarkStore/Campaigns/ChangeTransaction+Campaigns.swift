import Foundation
import SQLKit
import WaymarkCore
public import WaymarkRecords

extension ChangeTransaction {
    @discardableResult
    public func createCampaign(_ campaign: NewCampaign) async throws -> Int64 {
        let id = try await insertReturningID(
            into: "campaign",
            [("name", campaign.name), ("channel", campaign.channel.rawValue), ("audience", campaign.audience), ("subject", campaign.subject),
             ("body", campaign.body), ("status", CampaignStatus.draft.rawValue)])
        try await audit(.create, entity: "campaign", entityID: id, personID: nil, detail: campaign.channel.rawValue)
        return id
    }

    /// Marks a draft sent; false when it was already sent (a second click, or another officer), so nothing goes twice.
    public func markCampaignSent(_ id: Int64) async throws -> Bool {
        let claimed = try await db.update("campaign").set("status", to: CampaignStatus.sent.rawValue).set("sent_at", to: recordedAt)
            .where("id", .equal, id).where("status", .equal, CampaignStatus.draft.rawValue)
            .returning("id").all()
        guard !claimed.isEmpty else { return false }
        try await audit(.update, entity: "campaign", entityID: id, personID: nil, detail: "sent")
        return true
    }

    /// Adds a young person to a sent campaign: contacted (with the message, if it goes through the outbox) or skipped with why.
    @discardableResult
    public func addCampaignMember(campaignID: Int64, personID: Int64, skipReason: String?, outboxMessageID: Int64?) async throws -> Int64 {
        let id = try await insertReturningID(
            into: "campaign_member",
            [("campaign_id", campaignID), ("person_id", personID), ("included", skipReason == nil), ("reason", skipReason),
             ("outbox_message_id", outboxMessageID)])
        try await audit(.create, entity: "campaign_member", entityID: id, personID: personID, detail: skipReason == nil ? "included" : "skipped")
        return id
    }

    /// The outcome of a call or a knock, kept on the list and as a contact on the record.
    public func recordMemberOutcome(memberID: Int64, personID: Int64, outcome: String, responded: Bool, contact: NewContact) async throws {
        var update = db.update("campaign_member").set("outcome", to: outcome).set("outcome_at", to: recordedAt)
        if responded { update = update.set("responded_at", to: recordedAt) }
        try await update.where("id", .equal, memberID).where("person_id", .equal, personID).run()
        try await recordContact(contact, for: personID)
    }

    /// The young person answered: the first answer's moment is kept.
    public func markResponded(memberID: Int64) async throws {
        try await db.update("campaign_member").set("responded_at", to: recordedAt)
            .where("id", .equal, memberID).where("responded_at", .is, SQLLiteral.null).run()
    }
}
