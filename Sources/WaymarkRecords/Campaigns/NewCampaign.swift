public import WaymarkCore

/// What an officer writes to start a campaign.
public struct NewCampaign: Sendable, Equatable {
    public var name: String
    public var channel: ContactChannel
    public var audience: String
    public var subject: String?
    public var body: String

    public init(name: String, channel: ContactChannel, audience: String, subject: String?, body: String) {
        self.name = name
        self.channel = channel
        self.audience = audience
        self.subject = subject
        self.body = body
    }
}
