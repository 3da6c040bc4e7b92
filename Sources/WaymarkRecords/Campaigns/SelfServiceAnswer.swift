public import WaymarkCore

/// A self-declared answer waits for a tracking officer, who verifies or rejects it.
public enum SelfServiceAnswerStatus: String, Sendable {
    case awaiting, verified, rejected
}

/// What a young person told us on the self-service page.
public struct NewSelfServiceAnswer: Sendable, Equatable {
    public var campaignMemberID: Int64
    public var choice: SelfDeclaredActivity
    public var place: String?
    public var since: CalendarDate?
    public var phone: String?
    public var email: String?
    public var preferredChannel: ContactChannel?

    public init(campaignMemberID: Int64, choice: SelfDeclaredActivity, place: String?, since: CalendarDate?, phone: String?, email: String?,
                preferredChannel: ContactChannel?) {
        self.campaignMemberID = campaignMemberID
        self.choice = choice
        self.place = place
        self.since = since
        self.phone = phone
        self.email = email
        self.preferredChannel = preferredChannel
    }
}

/// An answer as the verification queue shows it.
public struct StoredSelfServiceAnswer: Sendable, Equatable, Identifiable {
    public let id: Int64
    public let personID: Int64
    public let givenName: String
    public let familyName: String
    public let campaignMemberID: Int64?
    public let choice: SelfDeclaredActivity?
    public let activityCode: Int
    public let place: String?
    public let since: CalendarDate?
    public let phone: String?
    public let email: String?
    public let preferredChannel: ContactChannel?
    public let status: SelfServiceAnswerStatus
    public let answeredAt: String

    public init(id: Int64, personID: Int64, givenName: String, familyName: String, campaignMemberID: Int64?, choice: SelfDeclaredActivity?,
        activityCode: Int, place: String?, since: CalendarDate?, phone: String?, email: String?, preferredChannel: ContactChannel?,
        status: SelfServiceAnswerStatus, answeredAt: String) {
        self.id = id
        self.personID = personID
        self.givenName = givenName
        self.familyName = familyName
        self.campaignMemberID = campaignMemberID
        self.choice = choice
        self.activityCode = activityCode
        self.place = place
        self.since = since
        self.phone = phone
        self.email = email
        self.preferredChannel = preferredChannel
        self.status = status
        self.answeredAt = answeredAt
    }
}
