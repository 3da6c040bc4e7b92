public import WaymarkCore

/// A campaign is written as a draft (who, how, what to say) and sent once.
public enum CampaignStatus: String, Sendable {
    case draft, sent
}

public struct StoredCampaign: Sendable, Equatable, Identifiable {
    public let id: Int64
    public let name: String
    public let channel: ContactChannel
    /// The saved filter, as the query string of the tracking queue it came from.
    public let audience: String
    public let subject: String?
    public let body: String
    public let status: CampaignStatus
    public let createdBy: Int64?
    public let createdAt: String
    public let sentAt: String?

    public init(id: Int64, name: String, channel: ContactChannel, audience: String, subject: String?, body: String, status: CampaignStatus,
        createdBy: Int64?, createdAt: String, sentAt: String?) {
        self.id = id
        self.name = name
        self.channel = channel
        self.audience = audience
        self.subject = subject
        self.body = body
        self.status = status
        self.createdBy = createdBy
        self.createdAt = createdAt
        self.sentAt = sentAt
    }
}
