/// A young person's participation as the classifier sees it on one day, and
/// the first later day on which the same recorded facts could classify them
/// differently. Stored per person, it lets the queues read rows instead of
/// classifying the whole LA, and tells a reader when a row has gone stale.
public struct ParticipationPosition: Sendable, Equatable {
    public let state: ParticipationState
    /// The activity current on the day, if any.
    public let currentActivity: ActivityRecord?
    /// When the current activity's currency lapses (its due-to-lapse date).
    public let lapsesOn: CalendarDate?
    public let academicAge: Int
    /// The day classified.
    public let computedOn: CalendarDate
    /// The first day the position may differ with no new record: the next
    /// 1 September (academic age), the day after the lapse, the start of a
    /// future activity or a future need assessment.
    public let validUntil: CalendarDate
}

/// A need assessment as classification uses it: whether it records SEND, from when.
public struct NeedFact: Sendable, Equatable {
    public let validFrom: CalendarDate
    public let hasSEND: Bool

    public init(validFrom: CalendarDate, hasSEND: Bool) {
        self.validFrom = validFrom
        self.hasSEND = hasSEND
    }
}

extension ParticipationClassifier {
    /// Classifies from whole histories, so it also knows when the answer can next change.
    /// `activities` and `needs` are in recorded order (start or valid-from date, then id).
    public func position(
        dateOfBirth: CalendarDate, cohortStatus: CohortStatus, activities: [ActivityRecord], needs: [NeedFact], on day: CalendarDate
    ) -> ParticipationPosition {
        let current = ActivityHistory.current(in: activities, on: day)
        let send = needs.last { $0.validFrom <= day }?.hasSEND ?? false
        let state = classify(
            ParticipationFacts(dateOfBirth: dateOfBirth, cohortStatus: cohortStatus, hasSEND: send, currentActivity: current), on: day)
        let lapse = current.map { currency.dueToLapseDate(for: $0) }
        var changes = [AcademicYear(containing: day).firstDay.adding(years: 1)]
        if let lapse, lapse >= day { changes.append(lapse.adding(days: 1)) }
        changes += activities.map(\.startDate).filter { $0 > day }
        changes += needs.map(\.validFrom).filter { $0 > day }
        return ParticipationPosition(
            state: state, currentActivity: current, lapsesOn: lapse, academicAge: AcademicAge.of(dateOfBirth: dateOfBirth, on: day),
            computedOn: day, validUntil: changes.min() ?? day.adding(days: 1))
    }
}

/// How a position's state is written down: a kind and, where the state has one, its detail.
extension ParticipationState {
    public var storedKind: String {
        switch self {
        case .eet: "eet"
        case .neet: "neet"
        case .notKnown: "not-known"
        case .other: "other"
        case .notInCohort: "not-in-cohort"
        }
    }

    public var storedDetail: String? {
        switch self {
        case .eet(let group): group.rawValue
        case .notKnown(let reason): reason.rawValue
        case .notInCohort(let reason): reason.rawValue
        case .neet, .other: nil
        }
    }

    /// Reads back what ``storedKind`` and ``storedDetail`` wrote; nil for anything else.
    public init?(storedKind kind: String, detail: String?) {
        switch kind {
        case "eet": guard let group = detail.flatMap(ActivityGroup.init(rawValue:)) else { return nil }; self = .eet(group)
        case "neet": self = .neet
        case "not-known": guard let reason = detail.flatMap(NotKnownReason.init(rawValue:)) else { return nil }; self = .notKnown(reason)
        case "other": self = .other
        case "not-in-cohort": guard let reason = detail.flatMap(NotInCohortReason.init(rawValue:)) else { return nil }; self = .notInCohort(reason)
        default: return nil
        }
    }
}
