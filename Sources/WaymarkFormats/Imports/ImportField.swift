/// A field an import template can fill, named by its canonical column name.
///
/// The aliases are the headers real spreadsheets use for the field. They are
/// compared after `ImportField.headerKey(_:)` has dropped case, spaces,
/// underscores and punctuation, so "Date of birth", "DATE_OF_BIRTH" and
/// "date-of-birth" all match. An alias may appear under two fields (for
/// example "End date" is a planned end on an enrolment list and the actual end
/// on a leavers list) as long as no template has both: `ImportKind` tests
/// check that.
public enum ImportField: String, CaseIterable, Hashable, Sendable {
    case recordReference = "record_reference"
    case givenName = "given_name"
    case middleNames = "middle_names"
    case familyName = "family_name"
    case dateOfBirth = "dob"
    case gender = "gender"
    case postcode = "postcode"
    case addressLine1 = "address_line_1"
    case addressLine2 = "address_line_2"
    case addressLine3 = "address_line_3"
    case town = "town"
    case upn = "upn"
    case uln = "uln"
    case establishmentNumber = "establishment_number"
    case establishmentName = "establishment_name"
    case ukprn = "ukprn"
    case intendedDestination = "intended_destination"
    case startDate = "start_date"
    case plannedEndDate = "planned_end_date"
    case course = "course"
    case leavingDate = "leaving_date"
    case leavingReason = "leaving_reason"
    case claimDate = "claim_date"
    case censusDate = "census_date"
    case attendancePercent = "attendance_percent"
    case suspensions = "suspensions"
    case permanentlyExcluded = "permanently_excluded"
    case freeSchoolMeals = "fsm_eligible"
    case senProvision = "sen_provision"
    case firstLanguage = "first_language"
    case youngCarer = "young_carer"
    case keyStage2 = "ks2_expected_standard"
    case attainment8 = "attainment_8"
    case schoolMoves = "school_moves"

    /// The canonical column name, as used in problems and in the templates.
    public var name: String { rawValue }

    /// The column's name as a person writes it: what templates use as the
    /// header and what a missing column is called. Always one of the aliases.
    public var label: String {
        switch self {
        case .recordReference: "Record reference"
        case .givenName: "Given name"
        case .middleNames: "Middle names"
        case .familyName: "Family name"
        case .dateOfBirth: "Date of birth"
        case .gender: "Gender"
        case .postcode: "Postcode"
        case .addressLine1: "Address line 1"
        case .addressLine2: "Address line 2"
        case .addressLine3: "Address line 3"
        case .town: "Town"
        case .upn: "UPN"
        case .uln: "ULN"
        case .establishmentNumber: "Establishment number"
        case .establishmentName: "Establishment name"
        case .ukprn: "UKPRN"
        case .intendedDestination: "Intended destination"
        case .startDate: "Start date"
        case .plannedEndDate: "Planned end date"
        case .course: "Course"
        case .leavingDate: "Leaving date"
        case .leavingReason: "Leaving reason"
        case .claimDate: "Claim date"
        case .censusDate: "Census date"
        case .attendancePercent: "Attendance percent"
        case .suspensions: "Suspensions"
        case .permanentlyExcluded: "Permanently excluded"
        case .freeSchoolMeals: "FSM eligible"
        case .senProvision: "SEN provision"
        case .firstLanguage: "First language"
        case .youngCarer: "Young carer"
        case .keyStage2: "KS2 expected standard"
        case .attainment8: "Attainment 8"
        case .schoolMoves: "School moves"
        }
    }

    /// What a cell of this column holds, for the column list beside the upload form.
    public var hint: String {
        switch self {
        case .recordReference: "Your own reference for the person, so a question about a row can name it"
        case .givenName: "First name as the person uses it"
        case .middleNames: "Any middle names"
        case .familyName: "Surname"
        case .dateOfBirth: "A date such as 14/03/2009 (year first, and Excel dates, are read too)"
        case .gender: "M, F, or as the source records it (male, female, other, not known)"
        case .postcode: "A UK postcode, for example NM3 4QT"
        case .addressLine1, .addressLine2, .addressLine3: "Home address, one part per column"
        case .town: "Town or city"
        case .upn: "Unique pupil number: a letter and 12 digits, for example A123456789012"
        case .uln: "Unique learner number: 10 digits"
        case .establishmentNumber: "DfE number of the school: LA code and 4 digits, for example 9904001"
        case .establishmentName: "The school, college or provider as it is usually named"
        case .ukprn: "UK provider reference number: 8 digits starting with 1"
        case .intendedDestination: "An NCCIS intended destination code, for example 121 (school sixth form)"
        case .startDate: "The day they started, such as 01/09/2026"
        case .plannedEndDate: "When the course or programme is due to end"
        case .course: "Course, programme or qualification title"
        case .leavingDate: "The day they left"
        case .leavingReason: "Why they left, or where they went, in words"
        case .claimDate: "The day the claim started"
        case .censusDate: "The census day the row describes, such as 01/10/2026; every fact on the row is dated on it"
        case .attendancePercent: "Sessions attended as a percentage of sessions possible this year to date, 0 to 100, such as 91.5"
        case .suspensions: "How many suspensions since the last census, a whole number (0 or more)"
        case .permanentlyExcluded: "Y if permanently excluded since the last census, otherwise N or blank"
        case .freeSchoolMeals: "Y if eligible for free school meals on the census day, N if not"
        case .senProvision: "N none, K SEN support, E EHC plan"
        case .firstLanguage: "The census language code, for example ENG, POL, URD"
        case .youngCarer: "Y if the school knows the pupil is a young carer"
        case .keyStage2: "Met or Not met: the key stage 2 expected standard in reading, writing and maths"
        case .attainment8: "Key stage 4 Attainment 8 score, 0 to 90"
        case .schoolMoves: "How many times the pupil joined a school outside the usual points since the last census"
        }
    }

    /// Headers accepted for this field, as a person would write them (the
    /// canonical name is always accepted too).
    public var aliases: [String] {
        switch self {
        case .recordReference:
            ["Record reference", "Reference", "Ref", "Record ID", "Learner reference", "Learner ref", "Student ID",
             "Student number", "Admission number", "Adno", "Pupil ID", "Claimant reference", "ID"]
        case .givenName: ["Forename", "First name", "Given name", "Firstname", "Legal forename"]
        case .middleNames: ["Middle names", "Middle name", "Other names", "Other forenames"]
        case .familyName: ["Surname", "Last name", "Family name", "Lastname", "Legal surname"]
        case .dateOfBirth: ["DOB", "Date of birth", "Birth date", "Birthdate", "D.O.B."]
        case .gender: ["Gender", "Sex"]
        case .postcode: ["Postcode", "Post code", "Postal code", "Home postcode"]
        case .addressLine1: ["Address line 1", "Address 1", "Address1", "Address", "House", "Street"]
        case .addressLine2: ["Address line 2", "Address 2", "Address2", "Locality"]
        case .addressLine3: ["Address line 3", "Address 3", "Address3"]
        case .town: ["Town", "Town or city", "City", "Post town"]
        case .upn: ["UPN", "Unique pupil number", "Pupil number"]
        case .uln: ["ULN", "Unique learner number", "Learner number"]
        case .establishmentNumber:
            ["Establishment number", "School number", "DfE number", "DfE establishment number", "LAESTAB", "LA estab",
             "School DfE number"]
        case .establishmentName:
            ["Establishment name", "Establishment", "School", "School name", "College", "College name", "Provider",
             "Provider name", "Institution", "Training provider"]
        case .ukprn: ["UKPRN", "UK provider reference number", "Provider reference number", "Provider number"]
        case .intendedDestination:
            ["Intended destination", "Destination code", "Intended destination code", "Destination",
             "Year 11 intended destination"]
        case .startDate: ["Start date", "Enrolment date", "Enrollment date", "Learning start date", "Date started"]
        case .plannedEndDate:
            ["Planned end date", "Expected end date", "Predicted end date", "Learning planned end date", "End date"]
        case .course:
            ["Course", "Aim title", "Course title", "Learning aim title", "Programme", "Programme title", "Qualification"]
        case .leavingDate: ["Leaving date", "End date", "Actual end date", "Date left", "Left on", "Withdrawal date"]
        case .leavingReason: ["Leaving reason", "Reason for leaving", "Reason", "Withdrawal reason", "Destination on leaving"]
        case .claimDate: ["Claim date", "Claim start date", "Date of claim", "Start of claim"]
        case .censusDate: ["Census date", "Census day", "Date of census", "As at"]
        case .attendancePercent: ["Attendance percent", "Attendance", "Attendance %", "Percent attendance", "Attendance rate"]
        case .suspensions: ["Suspensions", "Number of suspensions", "Fixed term exclusions", "Fixed period exclusions"]
        case .permanentlyExcluded: ["Permanently excluded", "Permanent exclusion", "PEX"]
        case .freeSchoolMeals: ["FSM eligible", "FSM", "Free school meals", "FSM eligibility"]
        case .senProvision: ["SEN provision", "SEN", "SEN status", "SEN stage"]
        case .firstLanguage: ["First language", "Language", "Home language"]
        case .youngCarer: ["Young carer"]
        case .keyStage2: ["KS2 expected standard", "KS2", "KS2 RWM", "KS2 expected"]
        case .attainment8: ["Attainment 8", "Attainment8", "A8", "KS4 Attainment 8"]
        case .schoolMoves: ["School moves", "Moves of school", "Mobility", "In-year moves"]
        }
    }

    /// The header as compared: lower case, letters and digits only.
    public static func headerKey(_ header: String) -> String {
        // Nearly every header is ASCII, where letters and digits are a byte
        // range; Unicode properties are looked up only for the rest.
        if header.utf8.allSatisfy({ $0 < 0x80 }) {
            return String(unsafeUninitializedCapacity: header.utf8.count) { key in
                var length = 0
                for byte in header.utf8 {
                    guard let kept = asciiKeyByte(byte) else { continue }
                    key[length] = kept
                    length += 1
                }
                return length
            }
        }
        return String(String.UnicodeScalarView(header.lowercased().unicodeScalars.filter {
            ($0.properties.isAlphabetic || $0.properties.numericType != nil)
        }))
    }

    private static func asciiKeyByte(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"): byte
        case UInt8(ascii: "A")...UInt8(ascii: "Z"): byte + 32
        default: nil
        }
    }

    /// The fields each header key names, worked out once from the aliases: a
    /// file's header is compared against every template column, and
    /// recomputing the aliases' keys for each cell made mapping the header the
    /// slowest step of reading a small file.
    static let fieldsByKey: [String: [ImportField]] = allCases.reduce(into: [:]) { table, field in
        for key in Set(([field.name] + field.aliases).map(headerKey)) {
            table[key, default: []].append(field)
        }
    }
}
