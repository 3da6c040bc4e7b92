import Foundation

/// The share of all pairs that are matches (the prior), found so that it
/// agrees with the scores it produces: the expected number of matches among
/// the candidates, scored with EM's m, the random-pair u and this prior,
/// equals the number the prior implies.
///
/// EM's own match share is unreliable at scale: among millions of candidates,
/// namesakes born the same day form a second cluster that EM can take for
/// matches (a million synthetic records gave 5 million "matches" for 110,000
/// true pairs). Scoring with the random-pair u treats a namesake's differing
/// address and identifiers as the strong evidence they are.
enum PriorEstimate {
    static func matchShare(patterns: [ComparisonVector: Int], model: FellegiSunterModel, start: Double, possiblePairs: Double) -> Double {
        let baseWeights = patterns.map { (weight: model.evidence($0.key), count: Double($0.value)) }
        let total = max(possiblePairs, 2)
        var matches = max(1, start)
        for _ in 0..<200 {
            let prior = min(matches / total, 0.5)
            let priorWeight = log2(prior / (1 - prior))
            var expected = 0.0
            for (weight, count) in baseWeights { expected += count * FellegiSunterModel.probability(weight: weight + priorWeight) }
            expected = max(expected, 1)
            if abs(expected - matches) < 0.5 { matches = expected; break }
            matches = expected
        }
        return min(matches / total, 0.5)
    }
}
