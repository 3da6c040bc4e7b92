/// What came of the work a referral started, recorded by the receiving service.
public enum ReferralOutcome: String, CaseIterable, Sendable, Codable {
    case goalsMet = "goals-met"
    case goalsPartlyMet = "goals-partly-met"
    case didNotEngage = "did-not-engage"
    case movedAway = "moved-away"
    case referredOnward = "referred-onward"

    public var label: String {
        switch self {
        case .goalsMet: "Engaged and the goals were met"
        case .goalsPartlyMet: "Engaged and some goals were met"
        case .didNotEngage: "Did not engage"
        case .movedAway: "Moved away"
        case .referredOnward: "Referred on to another service"
        }
    }
}
