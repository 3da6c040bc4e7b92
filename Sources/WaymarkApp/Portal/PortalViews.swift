public import WaymarkCore
public import WaymarkRecords

/// One young person on a portal list, with only what the sharing rules let
/// the school or college see: the category when the current activity may go
/// (nil when the young person has stopped it), the provider and activity
/// only with their consent.
public struct PortalLine: Sendable, Equatable {
    public let personID: Int64
    public let name: String
    public let leftOn: CalendarDate?
    public let category: DestinationCategory?
    public let placement: PortalPlacement?

    /// NEET or not known now: the rows to look at first.
    public var needsAttention: Bool { category?.needsAttention ?? false }
}

/// How many leavers of one year there are, and how many are NEET or not known now.
public struct LeavingYearCount: Sendable, Equatable {
    public let year: LeavingYear
    public let leavers: Int
    public let neet: Int
    public let notKnown: Int
    /// Leavers who have not let their activity go to the school (in no other count).
    public let notShared: Int

    public init(year: LeavingYear, leavers: Int, neet: Int, notKnown: Int, notShared: Int = 0) {
        self.notShared = notShared
        self.year = year
        self.leavers = leavers
        self.neet = neet
        self.notKnown = notKnown
    }
}

/// The portal's leavers page: a page of a school's (or college's) leavers of
/// the last three leaving years, or of one, with each year's counts.
public struct PortalLeavers: Sendable {
    public let organisation: StoredOrganisation
    public let years: [LeavingYear]
    /// Nil for all of `years`.
    public let chosenYear: LeavingYear?
    /// Only those NEET or not known now.
    public let attentionOnly: Bool
    public let counts: [LeavingYearCount]
    /// How many the filter matches, across every page.
    public let matching: Int
    public let page: Int
    public let pageCount: Int
    public let lines: [PortalLine]
    public let asAt: CalendarDate
}

/// A college's or provider's students today, a page at a time, for marking early leavers.
public struct PortalStudents: Sendable {
    public let organisation: StoredOrganisation
    public let total: Int
    public let page: Int
    public let pageCount: Int
    public let lines: [PortalLine]
}

/// One young person as the portal shows them, with what the user may post about them.
public struct PortalPupilView: Sendable {
    public let organisation: StoredOrganisation
    public let line: PortalLine
    /// The September Guarantee year an offer would be recorded for, nil when the guarantee does not apply at their age.
    public let guaranteeYear: GuaranteeYear?
    public let academicYear: AcademicYear
    /// A college or provider that has them on its books today may mark them as having left early.
    public let mayMarkLeftEarly: Bool
    public let isSchool: Bool
    /// In Year 11 now: the school may record their intended destination.
    public let inYearEleven: Bool
}

/// What a bulk upload of intended destinations came to.
public struct PortalUploadOutcome: Sendable {
    /// Problems in the file, each naming its row and field; nothing was imported when there are any.
    public let problems: [String]
    public let summary: ImportSummary?
}
