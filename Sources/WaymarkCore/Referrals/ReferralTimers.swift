/// How long a referral may wait in each state before someone is reminded,
/// and who. A configurable policy with documented defaults (docs/POLICIES.md
/// has none yet for referrals; these follow common multi-agency protocols:
/// acknowledge within 2 working days, decide within a week, start within
/// two, review active work every 12 weeks).
public struct ReferralTimers: Sendable, Equatable {
    /// Days allowed in a state; a state without an entry has no timer.
    public var days: [ReferralState: Int]

    public init(days: [ReferralState: Int]) {
        self.days = days
    }

    public static let standard = ReferralTimers(days: [
        .draft: 7, .sent: 3, .received: 7, .accepted: 14, .active: 84, .outcomeRecorded: 14,
    ])

    /// The day a reminder falls due for a referral that entered `state` on `since`; nil when the state has no timer.
    public func reminderDue(in state: ReferralState, since: CalendarDate) -> CalendarDate? {
        days[state].map { since.adding(days: $0) }
    }

    /// Whether the reminder is due on `today` (the day itself counts).
    public func isDue(in state: ReferralState, since: CalendarDate, on today: CalendarDate) -> Bool {
        reminderDue(in: state, since: since).map { $0 <= today } ?? false
    }

    /// Which side is waited on in `state`: whose reminder it is.
    public static func waitingOn(in state: ReferralState) -> ReferralSide? {
        switch state {
        case .draft, .outcomeRecorded: .sender
        case .sent, .received, .accepted, .active: .receiver
        case .declined, .closed, .withdrawn, .handedBack: nil
        }
    }
}
