/// A candidate pair at or above the review threshold, by record index.
public struct ScoredPair: Sendable, Equatable {
    public let left: Int
    public let right: Int
    public let weight: Double
    /// Calibrated, and capped at the review threshold when a guard holds.
    public let probability: Double
    public let vector: ComparisonVector
    /// Why this pair may not be merged, if it may not.
    public let guardReason: PairGuard?
}

/// How long a phase of a run took.
public struct PhaseTiming: Sendable {
    public let phase: String
    public let seconds: Double
}
