public import Foundation
import WaymarkCore
public import WaymarkStore

/// Makes the personal links that go in campaign messages. Links are signed at
/// the moment of sending or printing and never stored, so the database holds
/// nothing that would open the page.
public struct SelfServiceLinks: Sendable {
    public static let secretName = "self-service-signing"
    /// Long enough for a letter to arrive and be read; short enough that an old message is not a key for ever.
    public static let lifetime: TimeInterval = 28 * 86_400

    let store: Store
    /// Where young people reach this installation, e.g. "https://waymark.example.gov.uk".
    public let baseURL: String

    public init(store: Store, baseURL: String) {
        self.store = store
        self.baseURL = baseURL.hasSuffix("/") ? String(baseURL.dropLast()) : baseURL
    }

    public func signer(now: Date) async throws -> SelfServiceTokenSigner {
        SelfServiceTokenSigner(secret: try await InstallationSecrets(store: store).secret(named: Self.secretName, now: now))
    }

    /// When a link made now stops working, in whole seconds (what the signed token carries),
    /// so a letter's short code and its long link expire at the same moment.
    public static func expiry(from now: Date) -> Date {
        Date(timeIntervalSince1970: (now.timeIntervalSince1970 + lifetime).rounded(.down))
    }

    /// "/s/<token>" for one campaign member.
    public func path(personID: Int64, campaignMemberID: Int64, now: Date, expiresAt: Date? = nil) async throws -> String {
        let token = SelfServiceToken(personID: personID, campaignMemberID: campaignMemberID, expiresAt: expiresAt ?? Self.expiry(from: now))
        return "/s/" + (try await signer(now: now)).sign(token)
    }

    public func url(personID: Int64, campaignMemberID: Int64, now: Date, expiresAt: Date? = nil) async throws -> String {
        baseURL + (try await path(personID: personID, campaignMemberID: campaignMemberID, now: now, expiresAt: expiresAt))
    }

    /// The outbox workers' personalisation: the `{{link}}` merge field becomes
    /// this person's link. A message from no campaign has no link to add.
    public func personalise(_ message: OutboxMessage, now: Date) async throws -> (subject: String?, body: String) {
        guard message.body.contains("{{\(CampaignTemplate.linkField)}}"),
            let memberID = try await CampaignQueries(store: store).memberID(forMessage: message.id)
        else { return (message.subject, message.body) }
        let link = try await url(personID: message.personID, campaignMemberID: memberID, now: now)
        return (message.subject, message.body.replacingOccurrences(of: "{{\(CampaignTemplate.linkField)}}", with: link))
    }
}
