public import WaymarkCore

/// Something an adviser has to do for a young person by a date.
public struct NewFollowUp: Sendable, Equatable {
    public var dueOn: CalendarDate
    public var description: String
    /// Who should do it; nil leaves it with the team.
    public var assignedUserID: Int64?

    public init(dueOn: CalendarDate, description: String, assignedUserID: Int64?) {
        self.dueOn = dueOn
        self.description = description
        self.assignedUserID = assignedUserID
    }
}
