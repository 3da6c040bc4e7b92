/// A candidate pair at or above the review threshold, by record index.
public struct ScoredPair: Sendable, Equatable {
    public let left: Int
    public let right: Int
    public let weight: Double
    public let probability: Double
    let vector: ComparisonVector
}

/// How long a phase of a run took.
public struct PhaseTiming: Sendable {
    public let phase: String
    public let seconds: Double
}
