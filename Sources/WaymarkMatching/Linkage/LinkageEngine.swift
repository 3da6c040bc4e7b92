import Foundation

/// Record linkage in phases: prepare, block, compare, estimate u from random
/// pairs, estimate m by EM, score, and (for dedupe) cluster.
public enum LinkageEngine {
    /// Finds the records in one dataset that are the same person.
    /// Consuming the records lets a caller that passes them on and keeps
    /// nothing else of them (`waymark match dedupe`) free them once they
    /// are prepared: at a million records they were a third of the peak.
    public static func dedupe(_ records: consuming [LinkageRecord], configuration: LinkageConfiguration = LinkageConfiguration()) -> LinkageResult {
        let started = ContinuousClock.now
        // An initialiser takes its arguments owned: the records go with it.
        let prepared = PreparedRecords(records)
        return run(prepared, leftCount: prepared.count, linking: false, configuration: configuration, prepareStarted: started)
    }

    /// Finds the records of `left` and `right` that are the same person; pairs are only ever across the two.
    public static func link(left: [LinkageRecord], right: [LinkageRecord], configuration: LinkageConfiguration = LinkageConfiguration()) -> LinkageResult {
        let started = ContinuousClock.now
        return run(PreparedRecords(left, right: right), leftCount: left.count, linking: true, configuration: configuration, prepareStarted: started)
    }

    private static func run(
        _ records: PreparedRecords, leftCount: Int, linking: Bool, configuration: LinkageConfiguration, prepareStarted: ContinuousClock.Instant
    ) -> LinkageResult {
        var timings: [PhaseTiming] = []
        let clock = ContinuousClock()
        var started = prepareStarted
        func lap(_ phase: String) {
            let elapsed = started.duration(to: clock.now)
            timings.append(PhaseTiming(phase: phase, seconds: Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18))
            started = clock.now
        }

        lap("prepare")
        let blocks = CandidateBlocks(records, rules: configuration.rules, maxBlockSize: configuration.maxBlockSize, linking: linking)
        lap("block")
        let candidates = CandidatePairs(records, blocks: blocks, linking: linking, chunks: configuration.chunks)
        lap("compare")
        // Five random pairs a record estimate even a one-in-ten-thousand level
        // (a shared postcode) from dozens of pairs; more only cost time.
        let randomPairs = min(configuration.randomPairs, max(250_000, 5 * records.count))
        let randomU = RandomPairSampler.uProbabilities(records, pairs: randomPairs, linking: linking, seed: configuration.seed)
        lap("estimate u")
        let estimate = ExpectationMaximisation.estimate(
            patterns: candidates.patternCounts.map { ($0.key, $0.value) }.sorted { $0.0.bits < $1.0.bits }, randomU: randomU,
            maxIterations: configuration.maxEMIterations)
        // u is how often strangers agree, for every field. (The candidates'
        // own non-matches are mostly brothers and sisters, who share the
        // address more often than a person's own records do: taken as u they
        // make an agreeing address count against.) Brothers and sisters are
        // kept apart instead by counting the household once (see
        // FellegiSunterModel.evidence) and by the guards.
        let u = randomU
        let m = AnchoredM.refine(estimate.m, patterns: candidates.patternCounts)
        let possiblePairs = linking ? Double(leftCount) * Double(records.count - leftCount) : Double(records.count) * Double(records.count - 1) / 2
        let unprimed = FellegiSunterModel(m: m, u: u, priorWeight: 0, candidateMatchRate: estimate.lambda, emIterations: estimate.iterations)
        let prior = PriorEstimate.matchShare(
            patterns: candidates.patternCounts, model: unprimed, start: estimate.lambda * Double(candidates.count), possiblePairs: possiblePairs)
        let model = FellegiSunterModel(
            m: m, u: u, priorWeight: log2(prior / (1 - prior)), candidateMatchRate: estimate.lambda, emIterations: estimate.iterations)
        let frequencies = TermFrequencies(
            records, uExactGiven: u[LinkageField.givenName.rawValue][Int(NameLevel.exact.rawValue)],
            uExactFamily: u[LinkageField.familyName.rawValue][Int(NameLevel.exact.rawValue)])
        lap("estimate m (EM)")
        let pairs = score(candidates, records: records, model: model, frequencies: frequencies, thresholds: configuration.thresholds)
        lap("score")
        let clusters = linking ? nil : Clusters(records: records, pairs: pairs, threshold: configuration.thresholds.match)
        if !linking { lap("cluster") }
        return LinkageResult(
            records: records, model: model, frequencies: frequencies, thresholds: configuration.thresholds, candidatePairs: candidates.count,
            pairs: pairs, clusters: clusters, skippedBlocks: blocks.skipped,
            candidatePairsByRule: zip(configuration.rules, candidates.perRule).map { ($0, $1) }, timings: timings)
    }

    private static func score(
        _ candidates: CandidatePairs, records: PreparedRecords, model: FellegiSunterModel, frequencies: TermFrequencies, thresholds: MatchThresholds
    ) -> [ScoredPair] {
        let review = thresholds.review
        // Below this weight no pair can reach the review threshold: skip the exp2 for those.
        let reviewWeight = review <= 0 ? -Double.infinity : review >= 1 ? Double.infinity : log2(review / (1 - review))
        let parts = Parallel.map(count: candidates.chunks.count) { chunk -> [ScoredPair] in
            let part = candidates.chunks[chunk]
            var kept: [ScoredPair] = []
            model.weights.withUnsafeBufferPointer { weights in
                for k in part.pairs.indices {
                    let vector = part.vectors[k]
                    var weight = model.priorWeight + FellegiSunterModel.evidence(vector, weights: weights)
                    let pair = part.pairs[k]
                    let i = Int(pair >> 32), j = Int(pair & 0xFFFF_FFFF)
                    weight += frequencies.adjustment(vector, i, records)
                    if weight >= reviewWeight {
                        var probability = FellegiSunterModel.probability(weight: weight)
                        let guardReason = PairGuard.check(vector)
                        if guardReason != nil { probability = PairGuard.cap(probability, thresholds: thresholds) }
                        kept.append(ScoredPair(left: i, right: j, weight: weight, probability: probability, vector: vector, guardReason: guardReason))
                    }
                }
            }
            return kept
        }
        return parts.flatMap { $0 }
    }
}
