/// How many young people are in each reported state: the unit of every NEET and not-known figure and breakdown.
///
/// The denominator is the NCCIS cohort, EET + NEET + not known, as ``ParticipationState/isInDenominator``
/// says: young adult offenders in custody and refugees (code 710/720, "other") are counted
/// but left out of it (reference §7). People outside the cohort are not counted here at all.
public struct StateCounts: Sendable, Hashable, Codable {
    public var eet: Int
    public var neet: Int
    public var notKnown: Int
    /// Custody (710) and refugees (720): in the tracked cohort, not in the denominator.
    public var other: Int

    public init(eet: Int = 0, neet: Int = 0, notKnown: Int = 0, other: Int = 0) {
        self.eet = eet
        self.neet = neet
        self.notKnown = notKnown
        self.other = other
    }

    /// The headline denominator: EET + NEET + not known.
    public var cohort: Int { eet + neet + notKnown }

    public var neetRate: Proportion { Proportion(neet, of: cohort) }
    public var notKnownRate: Proportion { Proportion(notKnown, of: cohort) }
    /// The headline measure since 2016.
    public var neetOrNotKnownRate: Proportion { Proportion(neet + notKnown, of: cohort) }

    /// Counts one classified young person; states outside the cohort are ignored.
    mutating func add(_ state: ParticipationState) {
        switch state {
        case .eet: eet += 1
        case .neet: neet += 1
        case .notKnown: notKnown += 1
        case .other: other += 1
        case .notInCohort: break
        }
    }

    static func + (lhs: StateCounts, rhs: StateCounts) -> StateCounts {
        StateCounts(eet: lhs.eet + rhs.eet, neet: lhs.neet + rhs.neet, notKnown: lhs.notKnown + rhs.notKnown, other: lhs.other + rhs.other)
    }
}
