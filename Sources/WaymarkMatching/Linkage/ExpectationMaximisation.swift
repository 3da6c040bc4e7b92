import Foundation

/// Unsupervised estimation of m by expectation–maximisation over the
/// candidate pairs' comparison vectors, each distinct vector once with its
/// count. Candidates are not random pairs (blocking made them agree on
/// something), so EM estimates its own u for the non-matches among them;
/// only m and the match share are kept, and scoring uses the u from random
/// pairs, which is what the prior is relative to.
public enum ExpectationMaximisation {
    public struct Estimate: Sendable {
        public var lambda: Double
        public var m: [[Double]]
        public var u: [[Double]]
        public var iterations: Int
    }

    /// `patterns`: distinct comparison vectors and how many pairs have each.
    /// `randomU`: the u of random pairs. The non-match class starts there
    /// for the fields blocking does not select on, and at the candidates' own
    /// level shares for those it does (names, date of birth), which blocking
    /// made agree far more often than random pairs do. Starting all fields at
    /// the candidates' shares flips the classes when most candidates are
    /// matches (two lists of mostly the same people); starting all at the
    /// random u takes namesakes born the same day for matches.
    public static func estimate(
        patterns: [(vector: ComparisonVector, count: Int)], randomU: [[Double]]? = nil, maxIterations: Int = 100, tolerance: Double = 1e-5
    ) -> Estimate {
        let fields = LinkageField.allCases
        let mPrior = fields.map { initialM(levels: $0.levelCount) }
        var m = mPrior
        var u = fields.map { field -> [Double] in
            if let randomU, !blockedFields.contains(field) { return randomU[field.rawValue] }
            var counts = [Double](repeating: 0.5, count: field.levelCount)
            counts[0] = 0
            for (vector, count) in patterns where vector.level(field) != 0 { counts[Int(vector.level(field))] += Double(count) }
            let sum = counts.reduce(0, +)
            return counts.map { $0 / sum }
        }
        var lambda = 0.05
        var iterations = 0
        let total = Double(patterns.reduce(0) { $0 + $1.count })
        guard total > 0 else { return Estimate(lambda: 0, m: m, u: u, iterations: 0) }
        while iterations < maxIterations {
            iterations += 1
            var mCounts = fields.map { [Double](repeating: 0, count: $0.levelCount) }
            var uCounts = mCounts
            var matches = 0.0
            let logM = m.map { $0.map { log(max($0, 1e-12)) } }, logU = u.map { $0.map { log(max($0, 1e-12)) } }
            let logPrior = log(lambda) - log(1 - lambda)
            for (vector, count) in patterns {
                var logRatio = logPrior
                for f in LinkageField.personFields {
                    let level = Int(vector.level(at: f))
                    if level != 0 { logRatio += logM[f][level] - logU[f][level] }
                }
                // The household as in scoring (FellegiSunterModel.evidence).
                var best = 0.0, against = 0.0, strongestAgainst = 0.0
                for f in LinkageField.householdFields {
                    let level = Int(vector.level(at: f))
                    guard level != 0 else { continue }
                    let weight = logM[f][level] - logU[f][level]
                    if weight > 0 { best = max(best, weight) } else { against += weight; strongestAgainst = min(strongestAgainst, weight) }
                }
                logRatio += best > 0 ? best + against : strongestAgainst
                let p = 1 / (1 + exp(-min(max(logRatio, -700), 700)))
                let matched = p * Double(count), unmatched = (1 - p) * Double(count)
                matches += matched
                for f in 0..<fields.count {
                    let level = Int(vector.level(at: f))
                    if level != 0 {
                        mCounts[f][level] += matched
                        uCounts[f][level] += unmatched
                    }
                }
            }
            // A few pseudo-pairs at the starting m keep a level that no pair of
            // a small class reached from an m of exactly 0.
            for f in 0..<fields.count { for level in 1..<mCounts[f].count { mCounts[f][level] += pseudoPairs * mPrior[f][level] } }
            var change = abs(matches / total - lambda)
            lambda = min(max(matches / total, 1e-9), 1 - 1e-9)
            for f in 0..<fields.count {
                let newM = normalised(mCounts[f]), newU = normalised(uCounts[f])
                for level in 1..<newM.count { change = max(change, abs(newM[level] - m[f][level])) }
                m[f] = newM
                u[f] = newU
            }
            if change < tolerance { break }
        }
        return Estimate(lambda: lambda, m: m, u: u, iterations: iterations)
    }

    static let pseudoPairs = 2.0

    /// Fields most candidate pairs were selected on (see ``BlockingRule``).
    static let blockedFields: Set<LinkageField> = [.givenName, .familyName, .dateOfBirth]

    /// Best level most likely for a match, each worse level half as likely.
    static func initialM(levels: Int) -> [Double] {
        var values = [0.0] + (1..<levels).map { pow(0.5, Double($0 - 1) * 1.5) }
        values[levels - 1] = min(values[levels - 1], 0.05)
        return normalised(values)
    }

    /// Shares of the non-missing levels; a tiny floor keeps every level possible.
    static func normalised(_ counts: [Double]) -> [Double] {
        let floored = counts.enumerated().map { $0.offset == 0 ? 0 : max($0.element, 1e-9) }
        let sum = floored.reduce(0, +)
        return sum > 0 ? floored.map { $0 / sum } : floored
    }
}
