/// Settings for a linkage run; the defaults suit a local authority's caseload
/// of up to a million records on a small server.
public struct LinkageConfiguration: Sendable {
    public var thresholds: MatchThresholds
    public var rules: [BlockingRule]
    /// Blocks with more records than this are skipped (listed in the result):
    /// 1,000 records is half a million comparisons for one key.
    public var maxBlockSize: Int
    /// Random pairs sampled to estimate u.
    public var randomPairs: Int
    public var maxEMIterations: Int
    public var seed: UInt64
    /// Work is split into this many chunks so both cores stay busy to the end.
    public var chunks: Int

    public init(
        thresholds: MatchThresholds = MatchThresholds(), rules: [BlockingRule] = BlockingRule.allCases, maxBlockSize: Int = 1_000,
        randomPairs: Int = 1_000_000, maxEMIterations: Int = 100, seed: UInt64 = 1, chunks: Int = 64
    ) {
        self.thresholds = thresholds
        self.rules = rules
        self.maxBlockSize = maxBlockSize
        self.randomPairs = randomPairs
        self.maxEMIterations = maxEMIterations
        self.seed = seed
        self.chunks = chunks
    }
}
