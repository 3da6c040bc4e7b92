/// Where a referral stands. The order of the lifecycle is
/// draft → sent → received → accepted | declined → active → outcome recorded → closed;
/// a sender may withdraw it and a receiver hand it back while it is open,
/// and a closed referral may be reopened (``ReferralLifecycle``).
public enum ReferralState: String, CaseIterable, Sendable, Codable {
    case draft
    case sent
    case received
    case accepted
    case declined
    case active
    case outcomeRecorded = "outcome-recorded"
    case closed
    case withdrawn
    case handedBack = "handed-back"

    public var label: String {
        switch self {
        case .draft: "Draft"
        case .sent: "Sent"
        case .received: "Received"
        case .accepted: "Accepted"
        case .declined: "Declined"
        case .active: "Active"
        case .outcomeRecorded: "Outcome recorded"
        case .closed: "Closed"
        case .withdrawn: "Withdrawn"
        case .handedBack: "Handed back"
        }
    }

    /// Whether work may still happen on it: the receiving service is (or is
    /// about to be) involved with the young person.
    public var isOpen: Bool {
        switch self {
        case .sent, .received, .accepted, .active, .outcomeRecorded: true
        case .draft, .declined, .closed, .withdrawn, .handedBack: false
        }
    }

    /// Whether the receiving service is working with the young person: the
    /// referral puts them on the known-to register.
    public var involvesReceiver: Bool {
        self == .accepted || self == .active || self == .outcomeRecorded
    }
}
