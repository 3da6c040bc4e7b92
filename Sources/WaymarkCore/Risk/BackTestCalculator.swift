/// Scores past Year 11 pupils as they stood on 1 June of Year 11 and counts
/// how the score did against what they went on to do at 16 and 17:
/// precision, recall and calibration (the observed NEET rate per band and
/// per score), also by group. An accumulator, so an LA of any size is read
/// a batch at a time. Pure.
public struct BackTestCalculator: Sendable {
    public let model: RiskModel
    public let today: CalendarDate
    /// Scores at or above this are pooled in the calibration table ("N or more").
    public let topScore: Int
    private var ages: [Int: AgeAccumulator] = [16: AgeAccumulator(), 17: AgeAccumulator()]
    private var cohorts: Set<Int> = []
    private var unknown = 0

    public init(settings: RiskSettings, today: CalendarDate, topScore: Int = 8) {
        model = RiskModel(settings: settings)
        self.today = today
        self.topScore = topScore
    }

    /// Counts one person if their Year 11 is over and an outcome is known; returns whether they were counted.
    @discardableResult
    public mutating func add(_ person: BackTestPerson) -> Bool {
        let year11 = person.year11.startYear
        // Until the February of Year 12 has ended nothing could be known yet: not counted, not "unknown".
        guard let firstOutcomeKnown = NEETOutcome.monthEnds(academicYear: year11 + 1).last, firstOutcomeKnown <= today else { return false }
        let outcomes = [16, 17].map { NEETOutcome.at(age: $0, year11Start: year11, activities: person.activities, today: today) }
        guard outcomes.contains(where: { $0 != .unknown }) else {
            unknown += 1
            return false
        }
        let day = person.scoredOn
        let score = model.score(person.facts, on: day)
        let flagged = score.band >= .medium
        let groups = groupLabels(person, score: score, on: day)
        cohorts.insert(year11)
        for (age, outcome) in zip([16, 17], outcomes) where outcome != .unknown {
            ages[age, default: AgeAccumulator()].add(
                neet: outcome == .neet, flagged: flagged, score: score, band: score.band, groups: groups, top: topScore)
        }
        return true
    }

    public func result() -> BackTestResult {
        BackTestResult(
            cohorts: cohorts.sorted(), settings: model.settings, age16: result(age: 16), age17: result(age: 17), unknownOutcome: unknown)
    }

    private func result(age: Int) -> BackTestAgeResult {
        let accumulator = ages[age] ?? AgeAccumulator()
        let bands = RiskBand.allCases.map { BackTestRow(label: $0.title, counts: accumulator.bands[$0] ?? BackTestCounts()) }
        let scores = (0...topScore).map { points in
            BackTestRow(label: points == topScore ? "\(points) or more" : String(points), counts: accumulator.scores[points] ?? BackTestCounts())
        }
        var groups: [String: [BackTestRow]] = [:]
        for (name, rows) in accumulator.groups {
            groups[name] = rows.keys.sorted().map { BackTestRow(label: $0, counts: rows[$0] ?? BackTestCounts()) }
        }
        let indicators = RiskIndicator.allCases.map { indicator in
            BackTestIndicatorRow(
                indicator: indicator, with: accumulator.with[indicator] ?? BackTestCounts(),
                without: accumulator.without[indicator] ?? BackTestCounts())
        }
        return BackTestAgeResult(age: age, overall: accumulator.overall, bands: bands, scores: scores, groups: groups, indicators: indicators)
    }

    private func groupLabels(_ person: BackTestPerson, score: RiskScore, on day: CalendarDate) -> [String: String] {
        let gender: String = switch person.gender {
        case .female: "Female"
        case .male: "Male"
        default: "Other or not given"
        }
        let send = RiskModel.senLevel(person.facts, on: day)?.level.title ?? "No SEN"
        let meals = score.indicators.contains(.freeSchoolMeals) ? "Free school meals" : "Not free school meals"
        return ["Gender": gender, "SEND": send, "Free school meals": meals, "Ethnic group": person.ethnicity?.broadGroup ?? "Unknown"]
    }
}

/// The counts at one age, kept as people are added.
private struct AgeAccumulator: Sendable {
    var overall = BackTestCounts()
    var bands: [RiskBand: BackTestCounts] = [:]
    var scores: [Int: BackTestCounts] = [:]
    var groups: [String: [String: BackTestCounts]] = [:]
    var with: [RiskIndicator: BackTestCounts] = [:]
    var without: [RiskIndicator: BackTestCounts] = [:]

    mutating func add(neet: Bool, flagged: Bool, score: RiskScore, band: RiskBand, groups labels: [String: String], top: Int) {
        overall.add(neet: neet, flagged: flagged)
        bands[band, default: BackTestCounts()].add(neet: neet, flagged: flagged)
        scores[min(score.points, top), default: BackTestCounts()].add(neet: neet, flagged: flagged)
        for (name, label) in labels { groups[name, default: [:]][label, default: BackTestCounts()].add(neet: neet, flagged: flagged) }
        let holding = score.indicators
        for indicator in RiskIndicator.allCases {
            if holding.contains(indicator) {
                with[indicator, default: BackTestCounts()].add(neet: neet, flagged: flagged)
            } else {
                without[indicator, default: BackTestCounts()].add(neet: neet, flagged: flagged)
            }
        }
    }
}
