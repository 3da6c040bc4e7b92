/// The groups the NCCIS standard arranges current activity codes in.
public enum ActivityGroup: String, CaseIterable, Sendable, Codable {
    case preSixteen = "pre-16"
    case education
    case employment
    case training
    case reEngagement = "re-engagement"
    case neet = "NEET"
    case other
    case notKnown = "not known"

    /// Education, employment and training: the EET of "NEET".
    public var isEET: Bool {
        switch self {
        case .education, .employment, .training: true
        default: false
        }
    }

    /// Groups that count as NEET in the published figures.
    ///
    /// Re-engagement provision (530) is not participation, and the published
    /// tables report it with NEET (reference §2, [I]); Waymark follows that.
    public var isNEET: Bool {
        self == .neet || self == .reEngagement
    }
}
