/// Everything the statutory figures need about one young person.
///
/// It holds whole histories rather than a snapshot, so a single pass over the
/// people can produce figures for many month-ends: each figure asks for the
/// facts as they stood on its own date.
public struct FigureFacts: Sendable, Equatable {
    public var personID: Int64
    public var dateOfBirth: CalendarDate
    public var gender: Gender
    public var ethnicity: Ethnicity
    /// The cohort status held now; Waymark keeps no history of it, so every date sees the current one.
    public var cohortStatus: CohortStatus
    /// The whole activity history, any order. Among activities starting the same day the one later in
    /// the array wins (``ActivityHistory``), so pass them in the order they were recorded.
    public var activities: [ActivityRecord]
    public var characteristics: [CharacteristicRecord]
    /// Need assessments; the one in force on a date is the latest `validFrom` on or before it.
    public var needs: [NeedAssessment]
    public var guarantees: [GuaranteeRecord]
    /// The school attended in Year 11, for breakdowns and the Annual Activity Survey.
    public var schoolName: String?
    /// The ward of the current address (not of the address held on each date).
    public var ward: String?

    public init(
        personID: Int64, dateOfBirth: CalendarDate, gender: Gender, ethnicity: Ethnicity, cohortStatus: CohortStatus,
        activities: [ActivityRecord] = [], characteristics: [CharacteristicRecord] = [], needs: [NeedAssessment] = [],
        guarantees: [GuaranteeRecord] = [], schoolName: String? = nil, ward: String? = nil
    ) {
        self.personID = personID
        self.dateOfBirth = dateOfBirth
        self.gender = gender
        self.ethnicity = ethnicity
        self.cohortStatus = cohortStatus
        self.activities = activities
        self.characteristics = characteristics
        self.needs = needs
        self.guarantees = guarantees
        self.schoolName = schoolName
        self.ward = ward
    }
}

/// The SEND split used in published breakdowns (reference §3.1): EHC plan, SEN support or neither.
public enum SENDStatus: String, CaseIterable, Sendable, Hashable, Codable {
    /// An education, health and care plan (or a statement or LDA): the `SENDFlag`.
    case ehcPlan = "EHC plan"
    case senSupport = "SEN support"
    case none = "no SEN"
}

extension FigureFacts {
    /// The need assessment in force on a date: the latest `validFrom` on or before it; on a tie, the one later in the array.
    public func need(on date: CalendarDate) -> NeedAssessment? {
        var inForce: NeedAssessment?
        for need in needs where need.validFrom <= date {
            if let chosen = inForce, need.validFrom < chosen.validFrom { continue }
            inForce = need
        }
        return inForce
    }

    /// EHC plan, SEN support or neither on a date. With no assessment in force there is nothing to say
    /// the young person has SEN, so they count as `none`, as the classifier treats them as without SEND.
    public func sendStatus(on date: CalendarDate) -> SENDStatus {
        guard let need = need(on: date) else { return .none }
        if need.hasSEND { return .ehcPlan }
        return need.hasSENSupport ? .senSupport : .none
    }

    /// Whether any characteristic current on the date puts the young person in the DfE vulnerable group.
    public func isInVulnerableGroup(on date: CalendarDate) -> Bool {
        characteristics.contains { $0.code.isVulnerableGroup && $0.isCurrent(on: date) }
    }

    /// The activity current on the date, as the classifier and the monthly return see it.
    public func currentActivity(on date: CalendarDate) -> ActivityRecord? {
        ActivityHistory.current(in: activities, on: date)
    }

    /// The classifier's input for a date.
    public func participationFacts(on date: CalendarDate) -> ParticipationFacts {
        ParticipationFacts(
            dateOfBirth: dateOfBirth, cohortStatus: cohortStatus, hasSEND: need(on: date)?.hasSEND ?? false,
            currentActivity: currentActivity(on: date))
    }

    /// The classifier's input for each of many dates, earliest first: the same
    /// as ``participationFacts(on:)`` date by date, but with the histories put
    /// in start order once and walked forward with the dates rather than
    /// searched again for every date (a trend asks for 24 month ends).
    public func participationFacts(onEach dates: [CalendarDate]) -> [ParticipationFacts] {
        precondition(zip(dates, dates.dropFirst()).allSatisfy { $0 <= $1 }, "dates must be in order")
        // Among records starting the same day the one later in the array wins, so ties keep array order.
        let activityOrder = activities.indices.sorted { (activities[$0].startDate, $0) < (activities[$1].startDate, $1) }
        let needOrder = needs.indices.sorted { (needs[$0].validFrom, $0) < (needs[$1].validFrom, $1) }
        var nextActivity = 0
        var nextNeed = 0
        var current: Int?
        var inForce: Int?
        return dates.map { date in
            while nextActivity < activityOrder.count, activities[activityOrder[nextActivity]].startDate <= date {
                current = activityOrder[nextActivity]
                nextActivity += 1
            }
            while nextNeed < needOrder.count, needs[needOrder[nextNeed]].validFrom <= date {
                inForce = needOrder[nextNeed]
                nextNeed += 1
            }
            return ParticipationFacts(
                dateOfBirth: dateOfBirth, cohortStatus: cohortStatus, hasSEND: inForce.map { needs[$0].hasSEND } ?? false,
                currentActivity: current.map { activities[$0] })
        }
    }

    /// Academic age on a date (age on the 31 August before its academic year).
    public func academicAge(on date: CalendarDate) -> Int {
        AcademicAge.of(dateOfBirth: dateOfBirth, on: date)
    }

    /// The guarantee record for a year group and academic year; if several were kept, the one later in the array.
    /// With `date`, only what had been recorded by that day: the guarantee as it stood then.
    public func guarantee(_ year: GuaranteeYear, for academicYear: AcademicYear, recordedBy date: CalendarDate? = nil) -> GuaranteeRecord? {
        guarantees.last { $0.year == year && $0.academicYear == academicYear && (date.map($0.isRecorded(by:)) ?? true) }
    }
}
