public import WaymarkCore

/// How many young people an LA has in each state on a date.
public struct ParticipationCounts: Sendable, Equatable {
    public var recordsHeld = 0
    public var eet = 0
    public var neet = 0
    public var notKnown = 0
    public var other = 0
    public var year11 = 0
    public var notInCohort = 0
    public var notKnownByReason: [ParticipationState.NotKnownReason: Int] = [:]

    public init() {}

    /// The headline denominator: EET, NEET and not known (custody and refugees excluded).
    public var cohort: Int { eet + neet + notKnown }

    public func percentage(_ count: Int) -> Double {
        cohort == 0 ? 0 : Double(count) * 100 / Double(cohort)
    }

    package mutating func add(_ state: ParticipationState, count n: Int = 1) {
        recordsHeld += n
        switch state {
        case .eet: eet += n
        case .neet: neet += n
        case .notKnown(let reason):
            notKnown += n
            notKnownByReason[reason, default: 0] += n
        case .other: other += n
        case .notInCohort(.compulsorySchoolAge): year11 += n
        case .notInCohort: notInCohort += n
        }
    }
}
