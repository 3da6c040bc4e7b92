/// What the model reads about one young person: the facts the record
/// holds, each dated. Nothing else (no name, no address) goes in.
public struct RiskFacts: Equatable, Sendable {
    public var characteristics: [CharacteristicRecord]
    public var needs: [NeedAssessment]
    public var schoolFacts: [SchoolFact]

    public init(characteristics: [CharacteristicRecord] = [], needs: [NeedAssessment] = [], schoolFacts: [SchoolFact] = []) {
        self.characteristics = characteristics
        self.needs = needs
        self.schoolFacts = schoolFacts
    }
}

/// One indicator that holds, with its points and the fact that made it hold.
public struct RiskReason: Equatable, Hashable, Sendable, Codable {
    public var indicator: RiskIndicator
    public var points: Int
    /// The fact in words, e.g. "Attendance 81.5% (to 2026-07-20)".
    public var evidence: String

    public init(indicator: RiskIndicator, points: Int, evidence: String) {
        self.indicator = indicator
        self.points = points
        self.evidence = evidence
    }
}

/// A score and every reason for it: the points of the reasons add up to the score.
public struct RiskScore: Equatable, Hashable, Sendable, Codable {
    public var reasons: [RiskReason]
    public var band: RiskBand

    public init(reasons: [RiskReason], band: RiskBand) {
        self.reasons = reasons
        self.band = band
    }

    public var points: Int { reasons.reduce(0) { $0 + $1.points } }

    /// The indicators that hold, whatever their weight.
    public var indicators: Set<RiskIndicator> { Set(reasons.map(\.indicator)) }
}
