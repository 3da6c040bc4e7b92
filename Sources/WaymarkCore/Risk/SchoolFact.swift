/// A fact a school reports about a pupil, kept with the day it describes so
/// that a score can be worked out as it stood on any day (the back-test
/// scores past Year 11 pupils only on what was known at the time).
public struct SchoolFact: Equatable, Hashable, Sendable, Codable {
    public var kind: SchoolFactKind
    /// The day the fact describes: the end of the attendance period, the
    /// first day of a suspension or exclusion, the start of eligibility, the
    /// day results or a census were taken.
    public var date: CalendarDate
    /// Where the fact stops holding (free school meals, SEN provision); nil while it holds.
    public var endDate: CalendarDate?
    /// A number: attendance percentage, days suspended, Attainment 8 score.
    public var value: Double?
    /// A code: SEN provision (K, E, N), first language (ENG, …), KS2 (met, not-met), FSM (eligible, not-eligible).
    public var code: String?

    public init(kind: SchoolFactKind, date: CalendarDate, endDate: CalendarDate? = nil, value: Double? = nil, code: String? = nil) {
        self.kind = kind
        self.date = date
        self.endDate = endDate
        self.value = value
        self.code = code
    }

    /// Known on `day`: it describes a day on or before it.
    public func isKnown(on day: CalendarDate) -> Bool { date <= day }

    /// Holding on `day`: known, and not ended before it.
    public func holds(on day: CalendarDate) -> Bool { date <= day && (endDate.map { $0 >= day } ?? true) }
}

/// The kinds of school fact, as stored in `school_fact.kind`.
public enum SchoolFactKind: String, CaseIterable, Sendable, Codable {
    /// Percentage of possible sessions attended over a period (value), dated at its end.
    case attendance
    /// A suspension (fixed-period exclusion): value is the days, dated on its first day.
    case suspension
    /// A permanent exclusion, dated on its first day.
    case permanentExclusion = "permanent-exclusion"
    /// Key stage 2: whether the expected standard in reading, writing and maths was met (code met / not-met).
    case keyStage2 = "ks2"
    /// Key stage 4 Attainment 8 score (0–90, value).
    case attainment8 = "attainment-8"
    /// Free school meal eligibility from a date (code eligible; end date when it stopped).
    case freeSchoolMeals = "fsm"
    /// SEN provision from a date: K SEN support, E EHC plan, N none.
    case senProvision = "sen"
    /// First language (code as the school census gives it: ENG, ENB for believed English, OTH, …).
    case firstLanguage = "first-language"
    /// A move of school outside the usual points (joined a school mid-phase), dated on the move.
    case schoolMove = "school-move"

    public var title: String {
        switch self {
        case .attendance: "Attendance"
        case .suspension: "Suspension"
        case .permanentExclusion: "Permanent exclusion"
        case .keyStage2: "Key stage 2 expected standard"
        case .attainment8: "Attainment 8"
        case .freeSchoolMeals: "Free school meals"
        case .senProvision: "SEN provision"
        case .firstLanguage: "First language"
        case .schoolMove: "Move of school"
        }
    }

    /// The class of information it is: SEN with health, the rest with education.
    public var sensitivityClass: SensitivityClass {
        self == .senProvision ? .sendAndHealth : .educationAndActivity
    }
}
