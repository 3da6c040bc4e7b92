import Testing
@testable import WaymarkMatching

@Suite struct ThresholdAndClusterTests {
    @Test func twoThresholdsGiveThreeOutcomes() {
        let thresholds = MatchThresholds(match: 0.9, review: 0.4)
        #expect(thresholds.outcome(probability: 0.95) == .match)
        #expect(thresholds.outcome(probability: 0.9) == .match)
        #expect(thresholds.outcome(probability: 0.89) == .review)
        #expect(thresholds.outcome(probability: 0.4) == .review)
        #expect(thresholds.outcome(probability: 0.39) == .nonMatch)
        #expect(MatchThresholds().outcome(probability: 0.94) == .review, "default match threshold is 0.95")
        #expect(MatchThresholds().outcome(probability: 0.49) == .nonMatch, "default review threshold is 0.5")
    }

    @Test func clustersAreTransitiveAndNamedBySmallestID() {
        let ids = ["c", "b", "a", "e", "d", "f"]
        let clusters = Clusters(recordIDs: ids, linkedPairs: [(0, 1), (1, 2), (3, 4)])
        #expect(clusters.clusterIDs == ["a", "a", "a", "d", "d", "f"])
        #expect(clusters.count == 3)
        let reordered = Clusters(recordIDs: ids, linkedPairs: [(4, 3), (2, 1), (0, 2)])
        #expect(reordered.clusterIDs == clusters.clusterIDs, "the order of pairs does not change the ids")
    }

    @Test func aChainJoinsEndsThatNeverScoredTogether() {
        let ids = (0..<100).map { "r\(1000 + $0)" }
        let chain = (0..<99).map { ($0, $0 + 1) }
        #expect(Set(Clusters(recordIDs: ids, linkedPairs: chain).clusterIDs) == ["r1000"])
    }
}
