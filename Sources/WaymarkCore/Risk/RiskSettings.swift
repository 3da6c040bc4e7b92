/// The LA's choices for the risk-of-NEET model: a weight (points) for each
/// indicator, the thresholds that make an indicator hold, the scores that
/// make a pupil medium or high risk, and how often the lists are refreshed.
/// Stored with every change audited; ``standard`` is the documented default.
public struct RiskSettings: Equatable, Hashable, Sendable, Codable {
    /// Points for each indicator; an indicator missing here is worth 0.
    public var weights: [RiskIndicator: Int]
    /// Attendance below this percentage is "low attendance".
    public var attendanceThreshold: Double
    /// Attendance below this percentage is "persistent absence" (DfE: 90).
    public var persistentAbsenceThreshold: Double
    /// An Attainment 8 score below this is "low attainment".
    public var lowAttainment8: Double
    /// This many moves of school (or more) in the look-back period count.
    public var schoolMovesThreshold: Int
    /// How many years back suspensions, exclusions and moves count.
    public var lookbackYears: Int
    /// A score at or above this is medium risk: on the school's list.
    public var mediumFrom: Int
    /// A score at or above this is high risk.
    public var highFrom: Int
    /// Days between recomputations of every score.
    public var refreshDays: Int

    public init(
        weights: [RiskIndicator: Int], attendanceThreshold: Double, persistentAbsenceThreshold: Double, lowAttainment8: Double,
        schoolMovesThreshold: Int, lookbackYears: Int, mediumFrom: Int, highFrom: Int, refreshDays: Int
    ) {
        self.weights = weights
        self.attendanceThreshold = attendanceThreshold
        self.persistentAbsenceThreshold = persistentAbsenceThreshold
        self.lowAttainment8 = lowAttainment8
        self.schoolMovesThreshold = schoolMovesThreshold
        self.lookbackYears = lookbackYears
        self.mediumFrom = mediumFrom
        self.highFrom = highFrom
        self.refreshDays = refreshDays
    }

    /// The documented default (docs/RISK.md): the traditional RONI list,
    /// weighted by how strongly each is linked to NEET at 16–17 in the
    /// published evidence. English as an additional language starts at 0:
    /// in England pupils with EAL are *more* likely to stay in education;
    /// an LA whose back-test says otherwise can give it points.
    public static let standard = RiskSettings(
        weights: [
            .lowAttendance: 2, .persistentAbsence: 1, .exclusion: 2, .freeSchoolMeals: 1, .lowAttainment: 2, .lookedAfter: 2,
            .specialEducationalNeeds: 1, .englishAdditionalLanguage: 0, .youngCarer: 1, .youthJustice: 2, .pregnancyOrParent: 2,
            .schoolMoves: 1,
        ],
        attendanceThreshold: 85, persistentAbsenceThreshold: 90, lowAttainment8: 30, schoolMovesThreshold: 2, lookbackYears: 2,
        mediumFrom: 3, highFrom: 5, refreshDays: 7)

    public func weight(_ indicator: RiskIndicator) -> Int { weights[indicator] ?? 0 }

    /// The band a score falls in.
    public func band(for points: Int) -> RiskBand {
        points >= highFrom ? .high : points >= mediumFrom ? .medium : .low
    }

    /// What is wrong with these settings, each naming its field: nothing, when they can be saved.
    public func violations() -> [RuleViolation] {
        var found: [RuleViolation] = []
        func problem(_ field: String, _ message: String) { found.append(RuleViolation(field: field, rule: "risk settings", message: message)) }
        for indicator in RiskIndicator.allCases where !(0...10).contains(weight(indicator)) {
            problem("weight-\(indicator.rawValue)", "\(indicator.title): points must be a whole number from 0 to 10")
        }
        if !(0...100).contains(attendanceThreshold) { problem("attendanceThreshold", "Attendance threshold must be a percentage from 0 to 100") }
        if !(0...100).contains(persistentAbsenceThreshold) {
            problem("persistentAbsenceThreshold", "Persistent absence threshold must be a percentage from 0 to 100")
        }
        if !(0...90).contains(lowAttainment8) { problem("lowAttainment8", "Low attainment must be an Attainment 8 score from 0 to 90") }
        if !(1...10).contains(schoolMovesThreshold) { problem("schoolMovesThreshold", "Moves of school must be from 1 to 10") }
        if !(1...6).contains(lookbackYears) { problem("lookbackYears", "Years to look back must be from 1 to 6") }
        if mediumFrom < 1 { problem("mediumFrom", "Medium risk must start at a score of 1 or more") }
        if highFrom <= mediumFrom { problem("highFrom", "High risk must start at a higher score than medium risk") }
        if !(1...90).contains(refreshDays) { problem("refreshDays", "Refresh must be every 1 to 90 days") }
        return found
    }
}

/// Where a score falls.
public enum RiskBand: String, CaseIterable, Sendable, Codable, Comparable {
    case low, medium, high

    public var title: String {
        switch self {
        case .low: "Low"
        case .medium: "Medium"
        case .high: "High"
        }
    }

    private var order: Int { self == .low ? 0 : self == .medium ? 1 : 2 }

    public static func < (lhs: RiskBand, rhs: RiskBand) -> Bool { lhs.order < rhs.order }
}
