/// An organisation's reach on one day, worked out by ``ReachPolicy``: the
/// store turns it into a condition over the enrolment history, so a query
/// never reads a clock.
public struct EstablishmentReach: Sendable, Equatable, Codable {
    public enum Rule: String, Sendable, Codable {
        /// Current pupils, and leavers who were on the roll in Year 11.
        case schoolRoll
        /// Current enrolments and those that ended within the window.
        case enrolment
        /// Nobody.
        case nobody
    }

    public let organisationID: Int64
    public let rule: Rule
    /// The day the reach is for.
    public let today: CalendarDate
    /// A stay that ended before this day is out of reach.
    public let endedNoEarlierThan: CalendarDate

    public init(organisationID: Int64, rule: Rule, today: CalendarDate, endedNoEarlierThan: CalendarDate) {
        self.organisationID = organisationID
        self.rule = rule
        self.today = today
        self.endedNoEarlierThan = endedNoEarlierThan
    }

    /// Whether one young person's school history puts them in reach. The
    /// store asks the same question in SQL (`RecordScope`); this is the rule
    /// in plain Swift, which the tests hold the SQL to.
    public func reaches(_ history: [EnrolmentSpell]) -> Bool {
        let here = history.filter { $0.organisationID == organisationID && $0.from <= today }
        switch rule {
        case .nobody:
            return false
        case .enrolment:
            return here.contains { $0.to.map { $0 >= endedNoEarlierThan } ?? true }
        case .schoolRoll:
            let wasInYear11 = history.contains { $0.organisationID == organisationID && $0.yearGroup == 11 }
            return here.contains { spell in
                guard let to = spell.to else { return true }
                return to >= today || (to >= endedNoEarlierThan && wasInYear11)
            }
        }
    }
}

/// One spell of a school history, as the reach rule reads it.
public struct EnrolmentSpell: Sendable, Equatable {
    public let organisationID: Int64
    public let yearGroup: Int?
    public let from: CalendarDate
    public let to: CalendarDate?

    public init(organisationID: Int64, yearGroup: Int?, from: CalendarDate, to: CalendarDate?) {
        self.organisationID = organisationID
        self.yearGroup = yearGroup
        self.from = from
        self.to = to
    }
}
