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

    public init(id: Int64, personID: Int64, givenName: String, familyName: String, dateOfBirth: String, included: Bool, reason: String?,
        outboxMessageID: Int64?, messageStatus: String?, outcome: String?, outcomeAt: String?, respondedAt: String?) {
        self.id = id
        self.personID = personID
        self.givenName = givenName
        self.familyName = familyName
        self.dateOfBirth = dateOfBirth
        self.included = included
        self.reason = reason
        self.outboxMessageID = outboxMessageID
        self.messageStatus = messageStatus
        self.outcome = outcome
        self.outcomeAt = outcomeAt
        self.respondedAt = respondedAt
    }
}
