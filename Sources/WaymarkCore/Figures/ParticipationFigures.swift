/// The participation measure on a date: how many 16- and 17-year-olds meet the duty to participate.
///
/// The denominator is the NEET cohort restricted to academic ages 16–17 (EET + NEET + not known;
/// custody is left out, as in every other headline figure). A young person participates when the
/// classifier says they are EET (so a lapsed record does not count) and their current activity
/// has a ``ParticipationPart`` (``ActivityCode/countsAsParticipation``): gap years, employment
/// without training and agreed start dates are EET but not participation.
public struct ParticipationFigures: Sendable, Equatable, Codable {
    /// Academic ages the duty to participate covers (Education and Skills Act 2008: to the 18th birthday).
    public static let ages: ClosedRange<Int> = 16...17

    /// The 16–17 denominator.
    public internal(set) var cohort: Int
    public internal(set) var byPart: [ParticipationPart: Int]

    public init(cohort: Int = 0, byPart: [ParticipationPart: Int] = [:]) {
        self.cohort = cohort
        self.byPart = byPart
    }

    public var participating: Int { byPart.values.reduce(0, +) }

    /// Participating ÷ the 16–17 cohort.
    public var rate: Proportion { Proportion(participating, of: cohort) }

    public func count(_ part: ParticipationPart) -> Int { byPart[part] ?? 0 }

    /// One part (full-time education, apprenticeship, other education and training) ÷ the 16–17 cohort.
    public func rate(of part: ParticipationPart) -> Proportion { Proportion(count(part), of: cohort) }

    mutating func add(_ state: ParticipationState, activity: ActivityRecord?) {
        guard state.isInDenominator else { return }
        cohort += 1
        if case .eet = state, let part = activity?.code.participationPart {
            byPart[part, default: 0] += 1
        }
    }
}
