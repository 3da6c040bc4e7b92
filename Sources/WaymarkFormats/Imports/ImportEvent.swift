public import WaymarkCore

/// What a row says happened to the person. One case per kind of file; the
/// App side turns each into an activity, an intended destination or a
/// characteristic after matching the person.
public enum ImportEvent: Hashable, Sendable {
    /// Year 11 list: the pupil's intended destination and their school.
    case intendedDestination(IntendedDestination, school: ImportEstablishment)
    /// College enrolment.
    case enrolment(college: ImportEstablishment, start: CalendarDate, plannedEnd: CalendarDate?, course: String?)
    /// College leaver.
    case leaving(college: ImportEstablishment, left: CalendarDate, reason: String?)
    /// Training provider starter.
    case trainingStart(provider: ImportEstablishment, start: CalendarDate, plannedEnd: CalendarDate?, programme: String?)
    /// Training provider leaver.
    case trainingEnd(provider: ImportEstablishment, left: CalendarDate, reason: String?)
    /// DWP new claimant.
    case claim(start: CalendarDate)
    /// A pupil in a school Common Transfer File.
    case pupil(CTFPupilDetails)
    /// A pupil's line of a school census template.
    case census(SchoolCensusRow)
}

/// What a school census row says: the facts for the risk-of-NEET model,
/// each dated on the census day, and whether the pupil is a young carer.
public struct SchoolCensusRow: Hashable, Sendable {
    public var school: ImportEstablishment
    public var censusDate: CalendarDate
    public var facts: [SchoolFact]
    /// Y: a young carer (characteristic 140) from the census day; N or blank says nothing.
    public var youngCarer: Bool

    public init(school: ImportEstablishment, censusDate: CalendarDate, facts: [SchoolFact], youngCarer: Bool) {
        self.school = school
        self.censusDate = censusDate
        self.facts = facts
        self.youngCarer = youngCarer
    }
}

/// What a CTF says about a pupil beyond identity. Codes are kept as the file
/// gives them: the CTF code sets are not the NCCIS ones (see
/// reference/nccis-notes.md §9 for the mapping the App applies).
public struct CTFPupilDetails: Hashable, Sendable {
    /// The sending school: LEA + Estab as the 7-digit number, and its name.
    public var school: ImportEstablishment
    public var preferredForename: String?
    public var preferredSurname: String?
    /// National curriculum year (NCyearActual), e.g. 11.
    public var nationalCurriculumYear: Int?
    /// The CTF ethnicity code, e.g. "WBRI".
    public var ethnicity: String?
    /// The latest SEN provision: N none, K SEN support, E EHC plan.
    public var senProvision: String?
    /// LookedAfter/InCare is true.
    public var inCare: Bool
    /// An FSM instance with no end date: eligible for free school meals now.
    public var currentlyFSMEligible: Bool
    /// Attendance, exclusions, free school meal spells and SEN provision, each dated as the file dates them.
    public var schoolFacts: [SchoolFact]
    /// The first language (LanguageType F), e.g. "ENG"; the App dates it on the day the file is read.
    public var firstLanguage: String?

    public init(
        school: ImportEstablishment, preferredForename: String? = nil, preferredSurname: String? = nil,
        nationalCurriculumYear: Int? = nil, ethnicity: String? = nil, senProvision: String? = nil,
        inCare: Bool = false, currentlyFSMEligible: Bool = false, schoolFacts: [SchoolFact] = [], firstLanguage: String? = nil
    ) {
        self.school = school
        self.preferredForename = preferredForename
        self.preferredSurname = preferredSurname
        self.nationalCurriculumYear = nationalCurriculumYear
        self.ethnicity = ethnicity
        self.senProvision = senProvision
        self.inCare = inCare
        self.currentlyFSMEligible = currentlyFSMEligible
        self.schoolFacts = schoolFacts
        self.firstLanguage = firstLanguage
    }
}
