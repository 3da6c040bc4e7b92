/// Why a service declined a referral. "Other" needs words
/// (``ReferralLifecycle`` refuses it without them).
public enum DeclineReason: String, CaseIterable, Sendable, Codable {
    case notEligible = "not-eligible"
    case noCapacity = "no-capacity"
    case alreadyWorkingWithThem = "already-working-with-them"
    case needsMoreInformation = "needs-more-information"
    case youngPersonDeclined = "young-person-declined"
    case other

    public var label: String {
        switch self {
        case .notEligible: "Not eligible for this service"
        case .noCapacity: "No capacity at present"
        case .alreadyWorkingWithThem: "Already working with them"
        case .needsMoreInformation: "Needs more information"
        case .youngPersonDeclined: "The young person did not want the service"
        case .other: "Other"
        }
    }
}
