/// Every statutory figure for one date (normally a month-end period end).
///
/// All counts come from ``ParticipationClassifier/classify(_:on:)`` applied to each young person's
/// facts as they stood on the date. Each breakdown adds up to ``headline``: people with no school
/// or ward recorded have a row of their own.
public struct MonthFigures: Sendable, Equatable, Codable {
    public let date: CalendarDate
    /// EET, NEET, not known and other for the whole tracked cohort (16–17, and 18–24 with SEND).
    public internal(set) var headline: StateCounts
    /// Why the not-known people are not known (lapsed EET, recorded 8xx, nothing recorded…).
    public internal(set) var notKnownByReason: [ParticipationState.NotKnownReason: Int]
    /// People held but outside the cohort on the date (leavers, Year 11, other ages), for reconciliation.
    public internal(set) var notInCohortByReason: [ParticipationState.NotInCohortReason: Int]

    public internal(set) var byAcademicAge: Breakdown<Int>
    public internal(set) var byGender: Breakdown<Gender>
    public internal(set) var byEthnicity: Breakdown<Ethnicity>
    public internal(set) var bySEND: Breakdown<SENDStatus>
    /// `true`: any characteristic current on the date is in the DfE vulnerable group.
    public internal(set) var byVulnerableGroup: Breakdown<Bool>
    /// By the school attended in Year 11.
    public internal(set) var bySchool: Breakdown<RecordedName>
    /// By the ward of the current address.
    public internal(set) var byWard: Breakdown<RecordedName>

    public internal(set) var participation: ParticipationFigures
    public internal(set) var guarantee: GuaranteeFigures

    public init(date: CalendarDate) {
        self.date = date
        headline = StateCounts()
        notKnownByReason = [:]
        notInCohortByReason = [:]
        byAcademicAge = Breakdown()
        byGender = Breakdown()
        byEthnicity = Breakdown()
        bySEND = Breakdown()
        byVulnerableGroup = Breakdown()
        bySchool = Breakdown()
        byWard = Breakdown()
        participation = ParticipationFigures()
        guarantee = GuaranteeFigures(academicYear: AcademicYear(containing: date))
    }

    /// Everybody counted on the date, in or out of the cohort.
    public var peopleHeld: Int {
        headline.cohort + headline.other + notInCohortByReason.values.reduce(0, +)
    }

    /// Ethnicity in the broad groups used in published tables (White, Mixed, Asian…).
    public var byEthnicGroup: Breakdown<String> { byEthnicity.regrouped { $0.broadGroup } }

    public var neetRate: Proportion { headline.neetRate }
    public var notKnownRate: Proportion { headline.notKnownRate }
    public var neetOrNotKnownRate: Proportion { headline.neetOrNotKnownRate }

    /// Counts one young person on this date.
    mutating func add(_ facts: FigureFacts, classifier: ParticipationClassifier) {
        let participationFacts = facts.participationFacts(on: date)
        let state = classifier.classify(participationFacts, on: date)
        let age = facts.academicAge(on: date)
        guarantee.add(facts, state: state, academicAge: age, on: date)
        switch state {
        case .notInCohort(let reason):
            notInCohortByReason[reason, default: 0] += 1
            return
        case .notKnown(let reason):
            notKnownByReason[reason, default: 0] += 1
        case .eet, .neet, .other:
            break
        }
        headline.add(state)
        byAcademicAge.add(state, under: age)
        byGender.add(state, under: facts.gender)
        byEthnicity.add(state, under: facts.ethnicity)
        bySEND.add(state, under: facts.sendStatus(on: date))
        byVulnerableGroup.add(state, under: facts.isInVulnerableGroup(on: date))
        bySchool.add(state, under: RecordedName(facts.schoolName))
        byWard.add(state, under: RecordedName(facts.ward))
        if ParticipationFigures.ages.contains(age) {
            participation.add(state, activity: participationFacts.currentActivity)
        }
    }
}
