/// What a young person counts as on a date, for every figure Waymark reports.
public enum ParticipationState: Equatable, Hashable, Sendable {
    /// In education, employment or training with a current record.
    case eet(ActivityGroup)
    /// NEET, current or lapsed (a lapsed NEET record stays NEET).
    case neet
    /// Activity not confirmed: a not-known code, a lapsed EET record, or nothing recorded.
    case notKnown(NotKnownReason)
    /// Custody (710) or refugee (720): in the cohort but excluded from the denominator.
    case other
    /// Outside the reported cohort (too young or old, Year 11, or a leaver).
    case notInCohort(NotInCohortReason)

    public enum NotKnownReason: String, Sendable, Hashable, Codable {
        case recordedNotKnown = "recorded as not known"
        case lapsed = "currency lapsed"
        case noActivity = "no activity recorded"
        case preSixteenActivity = "only a pre-16 activity recorded"
    }

    public enum NotInCohortReason: String, Sendable, Hashable, Codable {
        case leaver = "cohort status is not P or G"
        case compulsorySchoolAge = "in Year 11"
        case outsideTrackedAges = "outside the tracked ages"
    }

    /// Counted in the NEET and not-known denominator.
    public var isInDenominator: Bool {
        switch self {
        case .eet, .neet, .notKnown: true
        case .other, .notInCohort: false
        }
    }

    public var isNEET: Bool { self == .neet }

    public var isNotKnown: Bool {
        if case .notKnown = self { return true }
        return false
    }
}
