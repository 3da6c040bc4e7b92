import Foundation

/// Record linkage in phases: prepare, block, compare, estimate u from random
/// pairs, estimate m by EM, score, and (for dedupe) cluster.
public enum LinkageEngine {
    /// Finds the records in one dataset that are the same person.
    public static func dedupe(_ records: [LinkageRecord], configuration: LinkageConfiguration = LinkageConfiguration()) -> LinkageResult {
        run(left: records, right: [], linking: false, configuration: configuration)
    }

    /// Finds the records of `left` and `right` that are the same person; pairs are only ever across the two.
    public static func link(left: [LinkageRecord], right: [LinkageRecord], configuration: LinkageConfiguration = LinkageConfiguration()) -> LinkageResult {
        run(left: left, right: right, linking: true, configuration: configuration)
    }

    private static func run(left: [LinkageRecord], right: [LinkageRecord], linking: Bool, configuration: LinkageConfiguration) -> LinkageResult {
        var timings: [PhaseTiming] = []
        let clock = ContinuousClock()
        var started = clock.now
        func lap(_ phase: String) {
            let elapsed = started.duration(to: clock.now)
            timings.append(PhaseTiming(phase: phase, seconds: Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18))
            started = clock.now
        }

        let records = PreparedRecords(left, right: right)
        lap("prepare")
        let blocks = CandidateBlocks(records, rules: configuration.rules, maxBlockSize: configuration.maxBlockSize, linking: linking)
        lap("block")
        let candidates = CandidatePairs(records, blocks: blocks, linking: linking, chunks: configuration.chunks)
        lap("compare")
        let u = RandomPairSampler.uProbabilities(records, pairs: configuration.randomPairs, linking: linking, seed: configuration.seed)
        lap("estimate u")
        let estimate = ExpectationMaximisation.estimate(
            patterns: candidates.patternCounts.map { ($0.key, $0.value) }.sorted { $0.0.bits < $1.0.bits }, randomU: u,
            maxIterations: configuration.maxEMIterations)
        let possiblePairs = linking ? Double(left.count) * Double(right.count) : Double(records.count) * Double(records.count - 1) / 2
        let prior = PriorEstimate.matchShare(
            patterns: candidates.patternCounts, m: estimate.m, u: u, start: estimate.lambda * Double(candidates.count), possiblePairs: possiblePairs)
        let model = FellegiSunterModel(
            m: estimate.m, u: u, priorWeight: log2(prior / (1 - prior)), candidateMatchRate: estimate.lambda, emIterations: estimate.iterations)
        let frequencies = TermFrequencies(
            records, uExactGiven: u[LinkageField.givenName.rawValue][Int(NameLevel.exact.rawValue)],
            uExactFamily: u[LinkageField.familyName.rawValue][Int(NameLevel.exact.rawValue)])
        lap("estimate m (EM)")
        let pairs = score(candidates, records: records, model: model, frequencies: frequencies, review: configuration.thresholds.review, chunks: configuration.chunks)
        lap("score")
        let clusters = linking
            ? nil
            : Clusters(recordIDs: records.recordIDs, linkedPairs: pairs.lazy.filter { $0.probability >= configuration.thresholds.match }.map { ($0.left, $0.right) })
        if !linking { lap("cluster") }
        return LinkageResult(
            records: records, model: model, frequencies: frequencies, thresholds: configuration.thresholds, candidatePairs: candidates.count,
            pairs: pairs, clusters: clusters, skippedBlocks: blocks.skipped,
            candidatePairsByRule: zip(configuration.rules, candidates.perRule).map { ($0, $1) }, timings: timings)
    }

    private static func score(
        _ candidates: CandidatePairs, records: PreparedRecords, model: FellegiSunterModel, frequencies: TermFrequencies, review: Double, chunks: Int
    ) -> [ScoredPair] {
        // Below this weight no pair can reach the review threshold: skip the exp2 for those.
        let reviewWeight = review <= 0 ? -Double.infinity : review >= 1 ? Double.infinity : log2(review / (1 - review))
        let parts = Parallel.map(count: Parallel.ranges(candidates.count, chunks: chunks).count) { chunk -> [ScoredPair] in
            let range = Parallel.ranges(candidates.count, chunks: chunks)[chunk]
            var kept: [ScoredPair] = []
            model.weights.withUnsafeBufferPointer { weights in
                for k in range {
                    let vector = candidates.vectors[k]
                    var weight = model.priorWeight
                    for f in 0..<LinkageField.count { weight += weights[f * 16 + Int(vector.level(at: f))] }
                    let pair = candidates.pairs[k]
                    let i = Int(pair >> 32), j = Int(pair & 0xFFFF_FFFF)
                    weight += frequencies.adjustment(vector, i, records)
                    if weight >= reviewWeight {
                        kept.append(ScoredPair(left: i, right: j, weight: weight, probability: FellegiSunterModel.probability(weight: weight), vector: vector))
                    }
                }
            }
            return kept
        }
        return parts.flatMap { $0 }
    }
}
