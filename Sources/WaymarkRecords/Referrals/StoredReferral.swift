public import Foundation
public import WaymarkCore

/// A referral as stored, with the names a page needs of the two services,
/// the referrer and the young person. Whether the name may be shown is the
/// use case's decision: a referral reaches its receiver only once its
/// package shares who the young person is.
public struct StoredReferral: Sendable, Equatable, Identifiable {
    public let id: Int64
    public let personID: Int64
    public let personName: String
    public let fromOrganisationID: Int64
    public let fromOrganisationName: String
    public let fromUserID: Int64
    public let fromUserName: String
    public let toOrganisationID: Int64
    public let toOrganisationName: String
    public let toOrganisationKind: OrganisationKind
    public let toUserID: Int64?
    public let purpose: ReferralPurpose
    public let summary: String
    public let state: ReferralState
    public let stateSince: Date
    public let reminderDue: CalendarDate?
    public let outcome: ReferralOutcome?
    public let createdAt: Date

    public init(
        id: Int64, personID: Int64, personName: String, fromOrganisationID: Int64, fromOrganisationName: String, fromUserID: Int64, fromUserName: String,
        toOrganisationID: Int64, toOrganisationName: String, toOrganisationKind: OrganisationKind, toUserID: Int64?, purpose: ReferralPurpose,
        summary: String, state: ReferralState, stateSince: Date, reminderDue: CalendarDate?, outcome: ReferralOutcome?, createdAt: Date
    ) {
        self.id = id
        self.personID = personID
        self.personName = personName
        self.fromOrganisationID = fromOrganisationID
        self.fromOrganisationName = fromOrganisationName
        self.fromUserID = fromUserID
        self.fromUserName = fromUserName
        self.toOrganisationID = toOrganisationID
        self.toOrganisationName = toOrganisationName
        self.toOrganisationKind = toOrganisationKind
        self.toUserID = toUserID
        self.purpose = purpose
        self.summary = summary
        self.state = state
        self.stateSince = stateSince
        self.reminderDue = reminderDue
        self.outcome = outcome
        self.createdAt = createdAt
    }
}

/// One step a referral took: who moved it from which state to which, and the words they gave.
public struct StoredReferralStep: Sendable, Equatable, Identifiable {
    public let id: Int64
    public let action: String
    public let fromState: ReferralState?
    public let toState: ReferralState
    public let declineReason: DeclineReason?
    public let outcome: ReferralOutcome?
    public let words: String?
    public let userID: Int64?
    public let userName: String?
    public let at: Date

    public init(
        id: Int64, action: String, fromState: ReferralState?, toState: ReferralState, declineReason: DeclineReason?, outcome: ReferralOutcome?,
        words: String?, userID: Int64?, userName: String?, at: Date
    ) {
        self.id = id
        self.action = action
        self.fromState = fromState
        self.toState = toState
        self.declineReason = declineReason
        self.outcome = outcome
        self.words = words
        self.userID = userID
        self.userName = userName
        self.at = at
    }
}

/// One class of information in a referral's package: shared, or withheld and why.
public struct ReferralShare: Sendable, Equatable {
    public let dataClass: SensitivityClass
    public let shared: Bool
    public let withheldBecause: String?

    public init(dataClass: SensitivityClass, shared: Bool, withheldBecause: String?) {
        self.dataClass = dataClass
        self.shared = shared
        self.withheldBecause = withheldBecause
    }
}
