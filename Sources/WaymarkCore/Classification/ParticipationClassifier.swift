/// The facts about one young person that classification needs, all as at the date.
public struct ParticipationFacts: Sendable, Equatable {
    public var dateOfBirth: CalendarDate
    public var cohortStatus: CohortStatus
    public var hasSEND: Bool
    /// The activity current on the date (see ``ActivityHistory``), if any.
    public var currentActivity: ActivityRecord?

    public init(dateOfBirth: CalendarDate, cohortStatus: CohortStatus, hasSEND: Bool, currentActivity: ActivityRecord?) {
        self.dateOfBirth = dateOfBirth
        self.cohortStatus = cohortStatus
        self.hasSEND = hasSEND
        self.currentActivity = currentActivity
    }
}

/// The one function every report uses to say whether a young person is EET,
/// NEET, not known, other or outside the cohort on a date.
public struct ParticipationClassifier: Sendable {
    public let cohort: CohortPolicy
    public let currency: CurrencyPolicy

    public init(cohort: CohortPolicy = .standard, currency: CurrencyPolicy = .waymarkDefault) {
        self.cohort = cohort
        self.currency = currency
    }

    public func classify(_ facts: ParticipationFacts, on date: CalendarDate) -> ParticipationState {
        guard facts.cohortStatus.isActive else { return .notInCohort(.leaver) }
        switch cohort.membership(dateOfBirth: facts.dateOfBirth, hasSEND: facts.hasSEND, on: date) {
        case .notCovered: return .notInCohort(.outsideTrackedAges)
        case .year11: return .notInCohort(.compulsorySchoolAge)
        case .core, .send: break
        }
        guard let activity = facts.currentActivity else { return .notKnown(.noActivity) }
        let group = activity.code.group
        switch group {
        case .notKnown: return .notKnown(.recordedNotKnown)
        case .other: return .other
        case .neet, .reEngagement: return .neet
        case .preSixteen: return .notKnown(.preSixteenActivity)
        case .education, .employment, .training:
            return currency.hasLapsed(activity, at: date) ? .notKnown(.lapsed) : .eet(group)
        }
    }
}

/// Picks the activity that is current on a date from a history.
public enum ActivityHistory {
    /// The latest-starting activity that started on or before the date; among
    /// several starting the same day, the one recorded last (later in the array).
    public static func current(in history: [ActivityRecord], on date: CalendarDate) -> ActivityRecord? {
        var best: ActivityRecord?
        for activity in history where activity.startDate <= date {
            if let chosen = best, activity.startDate < chosen.startDate { continue }
            best = activity
        }
        return best
    }
}
