/// One young person in the Annual Activity Survey, as the national CSV reports them.
///
/// It carries no name: the named list for the local authority's own use is the caller's, built
/// by joining `personID` to the person's identity.
public struct ActivitySurveyRow: Sendable, Hashable {
    public var personID: Int64
    /// The school attended in Year 11.
    public var schoolName: String?
    /// The confirmed situation's code on 1 November. Nil when nothing is confirmed (no activity, a
    /// lapsed record, a leftover pre-16 record) and for people who moved away, whose situation the
    /// gaining authority reports. A recorded 810/820/830 is kept: it is itself a confirmed code.
    public var activityCode: ActivityCode?
    public var destination: SurveyDestination

    public init(personID: Int64, schoolName: String?, activityCode: ActivityCode?, destination: SurveyDestination) {
        self.personID = personID
        self.schoolName = schoolName
        self.activityCode = activityCode
        self.destination = destination
    }
}
