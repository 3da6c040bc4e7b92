public import Foundation

/// The choices a young person makes on their own page, each one provision
/// shape in plain words. Any standing provision of exactly that shape,
/// however it was recorded, is the current answer, so the page never shows
/// a choice other than the one in force.
public enum OwnChoice: String, CaseIterable, Sendable {
    case schoolSeesActivity = "school-activity"
    case schoolSeesWhere = "school-where"
    case referrals

    public var question: String {
        switch self {
        case .schoolSeesActivity: "Can schools and colleges you have been at see whether you are in education, work or training now?"
        case .schoolSeesWhere: "Can they also see where you study or work, and your course?"
        case .referrals: "Can we pass your details to a service when we refer you to it?"
        }
    }

    public var purpose: SharingPurpose {
        switch self {
        case .schoolSeesActivity, .schoolSeesWhere: .schoolSupport
        case .referrals: .referral
        }
    }

    public var dataClass: SensitivityClass? {
        switch self {
        case .schoolSeesActivity: .currentActivity
        case .schoolSeesWhere: .educationAndActivity
        case .referrals: nil
        }
    }

    /// What happens when nothing is chosen, so "not decided" is never a mystery.
    public var whenUndecided: String {
        switch self {
        case .schoolSeesActivity: "If you do not choose, they can see it: it helps them support you after you leave."
        case .schoolSeesWhere: "If you do not choose, they cannot see it."
        case .referrals: "If you do not choose, we pass them on only if you agree at the time."
        }
    }

    public func matches(_ provision: ConsentProvision) -> Bool {
        provision.purpose == purpose && provision.recipient == .anyone && provision.dataClass == dataClass
    }

    /// The provision that answers this choice now: the latest in force of its shape.
    public func answer(in provisions: [ConsentProvision], on today: CalendarDate, at now: Date) -> ConsentProvision? {
        provisions.filter { matches($0) && $0.isInForce(on: today, at: now) }.max { ($0.recordedAt, $0.id) < ($1.recordedAt, $1.id) }
    }

    /// The provision a young person's answer becomes; nil for "not decided".
    public func provision(_ decision: ConsentDecision?, on today: CalendarDate, at now: Date) -> ConsentProvision? {
        decision.map {
            ConsentProvision(
                decision: $0, purpose: purpose, recipient: .anyone, dataClass: dataClass, from: today, givenBy: .youngPerson, method: .selfService,
                recordedAt: now)
        }
    }
}
