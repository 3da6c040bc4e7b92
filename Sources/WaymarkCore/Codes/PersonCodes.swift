/// Level of need (CA13).
public enum LevelOfNeed: Int, NationalCode {
    case intensiveSupport = 1
    case supported = 2
    case minimumIntervention = 3

    public static let fieldName = "LevelOfNeedCode"

    public var meaning: String {
        switch self {
        case .intensiveSupport: "Intensive Support"
        case .supported: "Supported"
        case .minimumIntervention: "Minimum Intervention"
        }
    }
}

/// Cohort status (YP10).
public enum CohortStatus: String, NationalCode {
    case primary = "P"
    case septemberGuarantee = "G"
    case ageReached = "A"
    case transferred = "T"
    case leftEngland = "E"
    case duplicate = "M"
    case deceased = "D"
    case sendCeased = "L"

    public static let fieldName = "CohortStatus"

    public var meaning: String {
        switch self {
        case .primary: "Primary cohort"
        case .septemberGuarantee: "No longer in primary cohort but covered by the September Guarantee"
        case .ageReached: "Age reached where an active record is no longer required"
        case .transferred: "Transferred to another LA"
        case .leftEngland: "Left England"
        case .duplicate: "Duplicate"
        case .deceased: "Deceased"
        case .sendCeased: "Aged 20–25 whose EHCP/LDA has ceased"
        }
    }

    /// P and G are returned every month; the others are leavers, reported once.
    public var isActive: Bool { self == .primary || self == .septemberGuarantee }
}

/// Gender (YP07).
public enum Gender: String, NationalCode {
    case female = "F"
    case male = "M"
    case unknown = "U"
    case withheld = "W"

    public static let fieldName = "Gender"

    public var meaning: String {
        switch self {
        case .female: "Female"
        case .male: "Male"
        case .unknown: "Unknown"
        case .withheld: "Withheld"
        }
    }
}

/// Intended destination at Year 11 (ID01).
public enum IntendedDestination: Int, NationalCode {
    case fullTimeEducationSameSchool = 111
    case fullTimeEducationOrTrainingOther = 121
    case apprenticeshipOrTraineeship = 211
    case employmentWithStudy = 311
    case employmentWithoutTraining = 321
    case other = 411
    case undecided = 511
    case notObtained = 611

    public static let fieldName = "IntendedDestinationYr11"

    public var meaning: String {
        switch self {
        case .fullTimeEducationSameSchool: "Full time education – same school"
        case .fullTimeEducationOrTrainingOther: "Full time education or training – other institution"
        case .apprenticeshipOrTraineeship: "Apprenticeship or traineeship"
        case .employmentWithStudy: "Full time employment with part time accredited study"
        case .employmentWithoutTraining: "Employment without accredited training"
        case .other: "Other destination"
        case .undecided: "Undecided"
        case .notObtained: "Not obtained"
        }
    }
}
