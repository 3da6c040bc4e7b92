/// One thing the risk-of-NEET model looks for. Which facts make each one
/// hold is fixed here (and in ``RiskModel``); how many points it is worth,
/// and the thresholds, are the LA's (``RiskSettings``).
public enum RiskIndicator: String, CaseIterable, Sendable, Codable, Hashable {
    case lowAttendance = "low-attendance"
    case persistentAbsence = "persistent-absence"
    case exclusion
    case freeSchoolMeals = "free-school-meals"
    case lowAttainment = "low-attainment"
    case lookedAfter = "looked-after"
    case specialEducationalNeeds = "sen"
    case englishAdditionalLanguage = "eal"
    case youngCarer = "young-carer"
    case youthJustice = "youth-justice"
    case pregnancyOrParent = "pregnancy-or-parent"
    case schoolMoves = "school-moves"

    public var title: String {
        switch self {
        case .lowAttendance: "Attendance below the threshold"
        case .persistentAbsence: "Persistent absence"
        case .exclusion: "Suspended or excluded"
        case .freeSchoolMeals: "Free school meals"
        case .lowAttainment: "Low attainment"
        case .lookedAfter: "Looked after"
        case .specialEducationalNeeds: "SEN support or EHC plan"
        case .englishAdditionalLanguage: "English as an additional language"
        case .youngCarer: "Young carer"
        case .youthJustice: "Youth justice"
        case .pregnancyOrParent: "Pregnancy or parent"
        case .schoolMoves: "Moves of school"
        }
    }

    /// What makes it hold, in words for the settings page and the transparency record.
    public func rule(_ settings: RiskSettings) -> String {
        switch self {
        case .lowAttendance: "The latest attendance reported is below \(RiskText.percent(settings.attendanceThreshold))."
        case .persistentAbsence:
            "The latest attendance reported is below \(RiskText.percent(settings.persistentAbsenceThreshold)) (the DfE's persistent absence: missing 10% or more of sessions)."
        case .exclusion: "A suspension or permanent exclusion in the last \(settings.lookbackYears) years."
        case .freeSchoolMeals: "Eligible for free school meals on the day scored."
        case .lowAttainment:
            "Attainment 8 below \(RiskText.number(settings.lowAttainment8)) or, before key stage 4 results, the key stage 2 expected standard not met."
        case .lookedAfter: "Looked after (characteristic 110) on the day scored."
        case .specialEducationalNeeds: "SEN support or an EHC plan, from the record's need assessment or the school's SEN provision (K or E)."
        case .englishAdditionalLanguage: "A first language other than English reported by the school."
        case .youngCarer: "Young carer (characteristic 140) on the day scored."
        case .youthJustice: "Supervised by the youth offending team (characteristic 170) on the day scored."
        case .pregnancyOrParent: "Pregnant or a parent (characteristics 120, 180, 190) on the day scored."
        case .schoolMoves: "\(settings.schoolMovesThreshold) or more moves of school outside the usual points in the last \(settings.lookbackYears) years."
        }
    }

    /// The class of information a reason for it tells: a reason is shown
    /// only to someone who may see that class.
    public var sensitivityClass: SensitivityClass {
        switch self {
        case .lookedAfter, .youngCarer: .careStatus
        case .youthJustice: .offending
        case .pregnancyOrParent: .sexualHealthAndPregnancy
        case .specialEducationalNeeds: .sendAndHealth
        default: .educationAndActivity
        }
    }
}

/// Numbers written the way the pages write them.
public enum RiskText {
    public static func percent(_ value: Double) -> String { number(value) + "%" }

    /// Whole numbers without a decimal point; others to one place (Core has no Foundation formatter).
    public static func number(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded())
        return tenths % 10 == 0 ? String(tenths / 10) : "\(tenths / 10).\(abs(tenths % 10))"
    }
}

// Weights are stored as a JSON object keyed by the indicator's code, not as an array of pairs.
extension RiskIndicator: CodingKeyRepresentable {}
