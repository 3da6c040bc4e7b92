import Foundation
import SQLKit
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

    static func decode(_ row: any SQLRow) throws -> StoredCampaign {
        let channelText = try row.decode(column: "channel", as: String.self)
        let statusText = try row.decode(column: "status", as: String.self)
        guard let channel = ContactChannel(rawValue: channelText) else {
            throw StoreError.invalidStoredValue(table: "campaign", column: "channel", value: channelText)
        }
        guard let status = CampaignStatus(rawValue: statusText) else {
            throw StoreError.invalidStoredValue(table: "campaign", column: "status", value: statusText)
        }
        return StoredCampaign(
            id: try row.decode(column: "id", as: Int64.self), name: try row.decode(column: "name", as: String.self), channel: channel,
            audience: try row.decode(column: "audience", as: String.self), subject: try row.decode(column: "subject", as: String?.self),
            body: try row.decode(column: "body", as: String.self), status: status, createdBy: try row.decode(column: "recorded_by", as: Int64?.self),
            createdAt: try row.decode(column: "recorded_at", as: String.self), sentAt: try row.decode(column: "sent_at", as: String?.self))
    }
}

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

/// One young person a sent campaign considered, with what the lists and the report show.
public struct CampaignMemberRow: Sendable, Equatable, Identifiable {
    public let id: Int64
    public let personID: Int64
    public let givenName: String
    public let familyName: String
    public let dateOfBirth: String
    public let included: Bool
    public let reason: String?
    public let outboxMessageID: Int64?
    public let messageStatus: String?
    public let outcome: String?
    public let outcomeAt: String?
    public let respondedAt: String?
}
