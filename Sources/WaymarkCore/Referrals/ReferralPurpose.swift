/// What a referral is for, which decides the information package it asks
/// for. What actually goes is narrowed by the referrals data flow and the
/// young person's consent (the App asks ``SharingRules`` class by class):
/// a class asked for here but refused there is left out, and the receiver
/// is told that something was left out and why.
public enum ReferralPurpose: String, CaseIterable, Sendable, Codable {
    case youthJustice = "youth-justice"
    case leavingCare = "leaving-care"
    case housing
    case health
    case employmentSupport = "employment-support"
    case generalSupport = "general-support"

    public var label: String {
        switch self {
        case .youthJustice: "Youth justice support"
        case .leavingCare: "Leaving care support"
        case .housing: "Housing"
        case .health: "Health and wellbeing"
        case .employmentSupport: "Benefits and employment support"
        case .generalSupport: "General support"
        }
    }

    /// Who they are, how to reach them, and what they are doing: every service needs that to start.
    static let core: Set<SensitivityClass> = [.identity, .contact, .currentActivity, .educationAndActivity]

    /// The classes the package asks for. Advisers' notes never go: the
    /// referral's own summary is written for the receiver.
    public var requestedClasses: Set<SensitivityClass> {
        switch self {
        case .youthJustice: Self.core.union([.offending, .careStatus, .mentalHealth, .substanceMisuse])
        case .leavingCare: Self.core.union([.careStatus, .sendAndHealth])
        case .housing: Self.core.union([.careStatus])
        case .health: Self.core.union([.sendAndHealth, .mentalHealth, .sexualHealthAndPregnancy, .substanceMisuse])
        case .employmentSupport: Self.core.union([.sendAndHealth])
        case .generalSupport: Self.core
        }
    }
}
