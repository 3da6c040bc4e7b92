/// Where a pair's match probability puts it. Defaults: at least 0.95 is a
/// match (merged without a person looking), at least 0.50 goes to a person
/// to review, below that is not a match. Raise `match` where a wrong merge
/// costs more than a missed one.
public struct MatchThresholds: Sendable, Equatable {
    public var match: Double
    public var review: Double

    public init(match: Double = 0.95, review: Double = 0.5) {
        precondition(review <= match, "the review threshold must not be above the match threshold")
        self.match = match
        self.review = review
    }

    public func outcome(probability: Double) -> MatchOutcome {
        probability >= match ? .match : probability >= review ? .review : .nonMatch
    }
}

public enum MatchOutcome: String, Sendable {
    case match, review
    case nonMatch = "non-match"
}
