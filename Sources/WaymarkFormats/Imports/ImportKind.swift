/// What a file reports, which decides its template (its columns) and the
/// event each row carries.
///
/// The spreadsheet kinds share the identity columns; each adds the columns of
/// its event. `.ctf` is the school Common Transfer File, an XML format read by
/// `CTFReader`, so it has no spreadsheet columns.
public enum ImportKind: String, CaseIterable, Hashable, Sendable {
    /// A school's Year 11 list with each pupil's intended destination (ID01).
    case year11List = "year11_list"
    /// A college's list of students who have enrolled.
    case collegeEnrolments = "college_enrolments"
    /// A college's list of students who have left.
    case collegeLeavers = "college_leavers"
    /// A training provider's starters (apprenticeships, traineeships, study programmes).
    case providerStarters = "provider_starters"
    /// A training provider's leavers.
    case providerLeavers = "provider_leavers"
    /// DWP's list of young people who have newly claimed benefit.
    case dwpClaimants = "dwp_claimants"
    /// A school's census return for the risk-of-NEET indicator: attendance,
    /// exclusions, free school meals, SEN, language, attainment, moves.
    case schoolCensus = "school_census"
    /// A school Common Transfer File (XML).
    case ctf = "ctf"

    /// For page titles and messages.
    public var title: String {
        switch self {
        case .year11List: "School Year 11 list with intended destinations"
        case .collegeEnrolments: "College enrolments"
        case .collegeLeavers: "College leavers"
        case .providerStarters: "Training provider starters"
        case .providerLeavers: "Training provider leavers"
        case .dwpClaimants: "DWP new claimants"
        case .schoolCensus: "School census: attendance, exclusions, attainment and needs"
        case .ctf: "School Common Transfer File"
        }
    }

    /// The columns shared by every spreadsheet template: who the person is.
    /// Names and date of birth are required because matching cannot work
    /// without them; the identifiers are optional because few sources have all.
    public static let identityColumns: [ImportColumn] = [
        ImportColumn(.recordReference),
        ImportColumn(.givenName, required: true),
        ImportColumn(.middleNames),
        ImportColumn(.familyName, required: true),
        ImportColumn(.dateOfBirth, required: true),
        ImportColumn(.gender),
        ImportColumn(.postcode),
        ImportColumn(.addressLine1),
        ImportColumn(.addressLine2),
        ImportColumn(.addressLine3),
        ImportColumn(.town),
        ImportColumn(.upn),
        ImportColumn(.uln),
        ImportColumn(.establishmentNumber),
        ImportColumn(.establishmentName),
    ]

    /// The columns of this kind's event, after the identity columns.
    public var eventColumns: [ImportColumn] {
        switch self {
        case .year11List:
            [ImportColumn(.intendedDestination, required: true)]
        case .collegeEnrolments, .providerStarters:
            [ImportColumn(.ukprn), ImportColumn(.startDate, required: true), ImportColumn(.plannedEndDate),
             ImportColumn(.course)]
        case .collegeLeavers, .providerLeavers:
            [ImportColumn(.ukprn), ImportColumn(.leavingDate, required: true), ImportColumn(.leavingReason)]
        case .dwpClaimants:
            [ImportColumn(.claimDate, required: true)]
        case .schoolCensus:
            [ImportColumn(.censusDate, required: true), ImportColumn(.attendancePercent), ImportColumn(.suspensions),
             ImportColumn(.permanentlyExcluded), ImportColumn(.freeSchoolMeals), ImportColumn(.senProvision), ImportColumn(.firstLanguage),
             ImportColumn(.youngCarer), ImportColumn(.keyStage2), ImportColumn(.attainment8), ImportColumn(.schoolMoves)]
        case .ctf:
            []
        }
    }

    /// Every column of the template; empty for `.ctf`, which is not a spreadsheet.
    public var columns: [ImportColumn] {
        self == .ctf ? [] : Self.identityColumns + eventColumns
    }

    /// A template's header row as CSV: the column labels in the template's
    /// order. None contains a comma or a quote, so none needs quoting.
    public var templateHeaderLine: String {
        columns.map(\.field.label).joined(separator: ",") + "\r\n"
    }

    /// The kinds read from CSV or XLSX.
    public static var spreadsheetKinds: [ImportKind] { allCases.filter { $0 != .ctf } }
}
