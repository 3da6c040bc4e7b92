import Foundation
import SQLKit
public import WaymarkCore
import WaymarkRecords

/// Reads a campaign row.
extension StoredCampaign {
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
