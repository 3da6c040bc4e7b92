import Foundation

/// The Fellegi–Sunter model: for each field and level, m (how often true
/// matches show that level) and u (how often random pairs do). A level's
/// weight is log2(m/u); a pair's match weight is the prior plus its levels'
/// weights, and its probability follows from the weight. Missing has weight 0.
public struct FellegiSunterModel: Sendable {
    /// m[field][level] and u[field][level]; index 0 (missing) unused.
    public let m: [[Double]]
    public let u: [[Double]]
    /// Share of all possible pairs that are matches, as log2 odds.
    public let priorWeight: Double
    /// Share of candidate pairs EM judged matches.
    public let candidateMatchRate: Double
    public let emIterations: Int
    /// weights[field * 16 + level], flat for the scoring loop.
    let weights: [Double]

    init(m: [[Double]], u: [[Double]], priorWeight: Double, candidateMatchRate: Double, emIterations: Int) {
        self.m = m
        self.u = u
        self.priorWeight = priorWeight
        self.candidateMatchRate = candidateMatchRate
        self.emIterations = emIterations
        var weights = [Double](repeating: 0, count: LinkageField.count * 16)
        for field in LinkageField.allCases {
            for level in 1..<field.levelCount {
                weights[field.rawValue * 16 + level] = Self.weight(m: m[field.rawValue][level], u: u[field.rawValue][level])
            }
        }
        self.weights = weights
    }

    /// The pair's weight before the prior and term frequencies: each person
    /// field's weight, and the household's. Agreements are one piece of
    /// evidence (the strongest), as brothers and sisters share all four at
    /// once; beside an agreement each disagreement counts (a neighbour shares
    /// the postcode, not the phone). With no agreement at all the
    /// disagreements are one piece too (the strongest): a family that moved
    /// differs on postcode, address and phone at once, and counting each
    /// would take one move for three pieces of evidence.
    @inline(__always) func evidence(_ vector: ComparisonVector) -> Double {
        weights.withUnsafeBufferPointer { Self.evidence(vector, weights: $0) }
    }

    @inline(__always) static func evidence(_ vector: ComparisonVector, weights: UnsafeBufferPointer<Double>) -> Double {
        var total = 0.0
        for f in LinkageField.personFields { total += weights[f * 16 + Int(vector.level(at: f))] }
        return total + household(vector, weights: weights)
    }

    @inline(__always) static func household(_ vector: ComparisonVector, weights: UnsafeBufferPointer<Double>) -> Double {
        var best = 0.0, against = 0.0, strongestAgainst = 0.0
        for f in LinkageField.householdFields {
            let weight = weights[f * 16 + Int(vector.level(at: f))]
            if weight > 0 { best = max(best, weight) } else { against += weight; strongestAgainst = min(strongestAgainst, weight) }
        }
        return best > 0 ? best + against : strongestAgainst
    }

    /// The household's one piece of evidence (see ``evidence(_:)``).
    public func householdEvidence(_ vector: ComparisonVector) -> Double {
        weights.withUnsafeBufferPointer { Self.household(vector, weights: $0) }
    }

    public func weight(_ field: LinkageField, level: UInt8) -> Double {
        weights[field.rawValue * 16 + Int(level)]
    }

    static func weight(m: Double, u: Double) -> Double {
        log2(max(m, 1e-9) / max(u, 1e-12))
    }

    public static func probability(weight: Double) -> Double {
        1 / (1 + exp2(-weight))
    }
}
