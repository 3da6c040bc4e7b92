import Foundation
public import WaymarkCore
public import WaymarkRecords

/// One referral as its page shows it to one side.
public struct ReferralView: Sendable {
    public let referral: StoredReferral
    public let side: ReferralSide
    /// What this side may do now, in the order the page offers them.
    public let actions: [ReferralActionKind]
    public let steps: [StoredReferralStep]
    /// The package: each class asked for, shared or withheld and why (empty while a draft).
    public let shares: [ReferralShare]
    /// The young person as this side may see them: the receiver, through the package's shared classes.
    public let person: PersonBundle
    public let currentActivity: ActivityRecord?
    public let contactDetails: [StoredContactDetail]
    /// Classes shown of the person on this page.
    public let shown: Set<SensitivityClass>
    /// True when the state's timer has run out.
    public let reminderOverdue: Bool
}

/// A service's referrals and young people: the partner home page and the LA's referral list.
public struct ReferralOverview: Sendable {
    /// The user's own organisation, by name.
    public let organisation: String
    /// Referrals sent to the user's organisation (partners) that are still open, newest first.
    public let received: [StoredReferral]
    /// Referrals the user's organisation made, newest first.
    public let sent: [StoredReferral]
    /// The young people the organisation is involved with now.
    public let involvements: [StoredInvolvement]
    /// Referrals on either list whose reminder is due, oldest due first.
    public let due: [StoredReferral]
}
