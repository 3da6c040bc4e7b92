public import Foundation
import WaymarkCore
public import WaymarkRecords
public import WaymarkStore

/// Why a campaign could not be sent.
public enum CampaignSendError: Error, Equatable, CustomStringConvertible {
    case notFound
    case alreadySent
    case unreadable(String)

    public var description: String {
        switch self {
        case .notFound: "There is no campaign with that id."
        case .alreadySent: "This campaign has already been sent; nothing was sent again."
        case .unreadable(let reason): "This campaign cannot be sent: \(reason)."
        }
    }
}

/// Sends a draft: plans it afresh, then in one transaction adds every young
/// person considered (contacted or skipped with why), queues texts and
/// e-mails for the workers, and records printed letters on each record.
/// Calls and visits wait on the campaign's list for the officer's outcome.
public struct CampaignSender: Sendable {
    let store: Store
    let planner: CampaignPlanner
    let laName: String

    public init(store: Store, planner: CampaignPlanner, laName: String) {
        self.store = store
        self.planner = planner
        self.laName = laName
    }

    public func send(_ campaignID: Int64, by userID: Int64, scope: RecordScope, now: Date) async throws -> CampaignPlanSummary {
        guard let campaign = try await CampaignQueries(store: store).campaign(campaignID) else { throw CampaignSendError.notFound }
        guard campaign.status == .draft else { throw CampaignSendError.alreadySent }
        let audience: CampaignAudience
        do { audience = try CampaignAudience(queryString: campaign.audience) } catch { throw CampaignSendError.unreadable(error.description) }
        let plan = try await planner.plan(audience, channel: campaign.channel, scope: scope, now: now)
        let messages = try plan.map { try message(for: $0, in: campaign, now: now) }
        try await store.change(by: .user(userID), at: now) { tx in
            guard try await tx.markCampaignSent(campaign.id) else { throw CampaignSendError.alreadySent }
            for (contact, message) in zip(plan, messages) {
                let personID = contact.entry.member.id
                if case .skip(let reason) = contact.decision {
                    try await tx.addCampaignMember(campaignID: campaign.id, personID: personID, skipReason: reason, outboxMessageID: nil)
                    continue
                }
                var messageID: Int64?
                if let message { messageID = try await tx.enqueue(message, for: personID) }
                try await tx.addCampaignMember(campaignID: campaign.id, personID: personID, skipReason: nil, outboxMessageID: messageID)
                if campaign.channel == .letter {
                    try await tx.recordContact(
                        NewContact(occurredAt: now, method: .letter, direction: .outbound, outcome: "letter printed for posting",
                                   summary: "campaign \(campaign.id)"),
                        for: personID)
                }
            }
        }
        return CampaignPlanSummary(plan)
    }

    /// The outbox message for a text or e-mail; nil for channels worked by hand.
    func message(for contact: PlannedContact, in campaign: StoredCampaign, now: Date) throws -> NewOutboxMessage? {
        guard campaign.channel == .sms || campaign.channel == .email else { return nil }
        let recipient = campaign.channel == .sms ? contact.facts.reach.mobile : contact.facts.reach.email
        guard let recipient, !isSkipped(contact.decision) else { return nil }
        let values = mergeValues(contact.entry.member)
        do throws(CampaignTemplateError) {
            let body = try CampaignTemplate(campaign.body).render(values)
            var subject: String?
            if let written = campaign.subject { subject = try CampaignTemplate(written).render(values) }
            let notBefore = contact.decision == .send ? now : UKClock.endOfQuiet(after: now, rules: planner.rules)
            return NewOutboxMessage(campaignID: campaign.id, channel: campaign.channel.rawValue, recipient: recipient, subject: subject,
                                    body: body, notBefore: notBefore)
        } catch {
            throw CampaignSendError.unreadable(error.description)
        }
    }

    /// Merge values known when the campaign is sent; the link is added by the worker at the moment of sending.
    public func mergeValues(_ member: CaseloadMember) -> [String: String] {
        ["given_name": member.givenName, "family_name": member.familyName, "la_name": laName]
    }

    private func isSkipped(_ decision: ContactDecision) -> Bool {
        if case .skip = decision { return true }
        return false
    }
}
