/// What a run found: the pairs worth a decision or a look, the fitted model,
/// the clusters (dedupe), and how long each phase took.
public struct LinkageResult: Sendable {
    public let records: PreparedRecords
    public let model: FellegiSunterModel
    let frequencies: TermFrequencies
    public let thresholds: MatchThresholds
    /// Pairs compared after blocking, each counted once.
    public let candidatePairs: Int
    /// Pairs at or above the review threshold, in a fixed order.
    public let pairs: [ScoredPair]
    /// Dedupe only: one cluster id per record.
    public let clusters: Clusters?
    public let skippedBlocks: [SkippedBlock]
    /// Pairs compared under each rule, each pair under the first rule that found it.
    public let candidatePairsByRule: [(rule: BlockingRule, pairs: Int)]
    public let timings: [PhaseTiming]

    public func outcome(_ pair: ScoredPair) -> MatchOutcome {
        thresholds.outcome(probability: pair.probability)
    }

    /// Pairs at or above the match threshold.
    public var matches: [ScoredPair] { pairs.filter { $0.probability >= thresholds.match } }

    /// Any two records by index, whether or not they were candidates.
    public func explanation(left: Int, right: Int) -> MatchExplanation {
        explain(left: left, right: right, vector: PairComparator(records: records).compare(left, right))
    }

    public func explanation(for pair: ScoredPair) -> MatchExplanation {
        explain(left: pair.left, right: pair.right, vector: pair.vector)
    }

    /// The comparison vector of two records by index.
    public func comparison(left: Int, right: Int) -> ComparisonVector {
        PairComparator(records: records).compare(left, right)
    }

    private func explain(left: Int, right: Int, vector: ComparisonVector) -> MatchExplanation {
        var fields: [MatchExplanation.Field] = []
        var total = model.priorWeight + model.evidence(vector)
        for field in LinkageField.allCases {
            let level = vector.level(field)
            var tf = 0.0
            if level == NameLevel.exact.rawValue {
                if field == .givenName { tf = frequencies.given[Int(records.given[left])] }
                if field == .familyName { tf = frequencies.family[Int(records.family[left])] }
            }
            let weight = level == 0 ? 0 : model.weight(field, level: level) + tf
            total += tf
            fields.append(
                MatchExplanation.Field(
                    field: field, level: field.levelNames[Int(level)], m: level == 0 ? nil : model.m[field.rawValue][Int(level)],
                    u: level == 0 ? nil : model.u[field.rawValue][Int(level)], termFrequencyAdjustment: tf, weight: weight))
        }
        let guardReason = PairGuard.check(vector)
        var probability = FellegiSunterModel.probability(weight: total)
        if guardReason != nil { probability = PairGuard.cap(probability, thresholds: thresholds) }
        return MatchExplanation(
            leftID: records.recordIDs[left], rightID: records.recordIDs[right], priorWeight: model.priorWeight,
            householdWeight: model.householdEvidence(vector), fields: fields, totalWeight: total, probability: probability,
            outcome: thresholds.outcome(probability: probability), reason: guardReason?.reason(vector))
    }
}
