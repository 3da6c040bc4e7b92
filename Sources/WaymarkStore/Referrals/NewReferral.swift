public import WaymarkCore

/// A referral to store as a draft: the referrer writes it, and sends it later.
public struct NewReferral: Sendable, Equatable {
    public var personID: Int64
    public var fromOrganisationID: Int64
    public var fromUserID: Int64
    public var toOrganisationID: Int64
    public var purpose: ReferralPurpose
    public var summary: String
    public var reminderDue: CalendarDate?

    public init(
        personID: Int64, fromOrganisationID: Int64, fromUserID: Int64, toOrganisationID: Int64, purpose: ReferralPurpose, summary: String,
        reminderDue: CalendarDate?
    ) {
        self.personID = personID
        self.fromOrganisationID = fromOrganisationID
        self.fromUserID = fromUserID
        self.toOrganisationID = toOrganisationID
        self.purpose = purpose
        self.summary = summary
        self.reminderDue = reminderDue
    }
}

/// One step to record: the lifecycle has already said it may happen.
public struct ReferralMove: Sendable, Equatable {
    public var referralID: Int64
    public var personID: Int64
    public var action: ReferralActionKind
    public var from: ReferralState
    public var to: ReferralState
    public var declineReason: DeclineReason?
    public var outcome: ReferralOutcome?
    public var words: String?
    /// The day the new state's reminder falls due; nil when it has none.
    public var reminderDue: CalendarDate?
    /// Set when a receiving worker takes the referral on (accept).
    public var takenOnBy: Int64?

    public init(
        referralID: Int64, personID: Int64, action: ReferralActionKind, from: ReferralState, to: ReferralState, declineReason: DeclineReason? = nil,
        outcome: ReferralOutcome? = nil, words: String? = nil, reminderDue: CalendarDate?, takenOnBy: Int64? = nil
    ) {
        self.referralID = referralID
        self.personID = personID
        self.action = action
        self.from = from
        self.to = to
        self.declineReason = declineReason
        self.outcome = outcome
        self.words = words
        self.reminderDue = reminderDue
        self.takenOnBy = takenOnBy
    }
}
