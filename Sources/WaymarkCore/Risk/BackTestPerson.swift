/// One past Year 11 pupil as the back-test needs them: who they are for the
/// group tables, what was known about them, and what they went on to do.
public struct BackTestPerson: Sendable {
    public var dateOfBirth: CalendarDate
    public var gender: Gender?
    public var ethnicity: Ethnicity?
    public var facts: RiskFacts
    public var activities: [ActivityRecord]

    public init(dateOfBirth: CalendarDate, gender: Gender?, ethnicity: Ethnicity?, facts: RiskFacts, activities: [ActivityRecord]) {
        self.dateOfBirth = dateOfBirth
        self.gender = gender
        self.ethnicity = ethnicity
        self.facts = facts
        self.activities = activities
    }

    /// The academic year they were in Year 11.
    public var year11: AcademicYear { AcademicAge.academicYear(ofYearGroup: 11, dateOfBirth: dateOfBirth) }

    /// The day the back-test scores them: 1 June of Year 11, when a school
    /// still has them and a list would be acted on. Nothing later is used.
    public var scoredOn: CalendarDate { CalendarDate(unchecked: year11.startYear + 1, 6, 1) }
}
