/// How many were flagged and how many became NEET, for a whole cohort or one part of it.
public struct BackTestCounts: Equatable, Sendable, Codable {
    /// People whose outcome is known.
    public var people = 0
    public var neet = 0
    /// Scored medium or high: on a school's list.
    public var flagged = 0
    /// Flagged and NEET.
    public var flaggedNEET = 0

    public init() {}

    /// Share flagged who became NEET; nil with nobody flagged.
    public var precision: Double? { flagged == 0 ? nil : Double(flaggedNEET) / Double(flagged) }
    /// Share of those who became NEET that were flagged; nil with nobody NEET.
    public var recall: Double? { neet == 0 ? nil : Double(flaggedNEET) / Double(neet) }
    /// The NEET rate; nil with nobody.
    public var rate: Double? { people == 0 ? nil : Double(neet) / Double(people) }

    mutating func add(neet isNEET: Bool, flagged isFlagged: Bool) {
        people += 1
        if isNEET { neet += 1 }
        if isFlagged { flagged += 1 }
        if isNEET && isFlagged { flaggedNEET += 1 }
    }
}

/// One row of a table: a label and its counts.
public struct BackTestRow: Equatable, Sendable, Codable {
    public var label: String
    public var counts: BackTestCounts

    public init(label: String, counts: BackTestCounts) {
        self.label = label
        self.counts = counts
    }
}

/// One indicator's link with NEET: the rate among those it held for and among the rest.
public struct BackTestIndicatorRow: Equatable, Sendable, Codable {
    public var indicator: RiskIndicator
    public var with: BackTestCounts
    public var without: BackTestCounts
}

/// The back-test at one age (16 or 17).
public struct BackTestAgeResult: Equatable, Sendable, Codable {
    public var age: Int
    public var overall: BackTestCounts
    /// Calibration: the observed NEET rate in each band, low to high.
    public var bands: [BackTestRow]
    /// Calibration by score: 0, 1, … and the top one "N or more".
    public var scores: [BackTestRow]
    /// By group: gender, SEND, free school meals, ethnic group; each a table.
    public var groups: [String: [BackTestRow]]
    public var indicators: [BackTestIndicatorRow]
}

/// The whole back-test: which Year 11 cohorts, with what settings, and the results at 16 and 17.
public struct BackTestResult: Equatable, Sendable, Codable {
    /// The first years of the Year 11 academic years included, oldest first.
    public var cohorts: [Int]
    public var settings: RiskSettings
    public var age16: BackTestAgeResult
    public var age17: BackTestAgeResult
    /// Past Year 11 pupils left out because neither outcome is known.
    public var unknownOutcome: Int

    /// The group tables in the order the page shows them.
    public static let groupNames = ["Gender", "SEND", "Free school meals", "Ethnic group"]
}
