/// Every candidate pair with its comparison vector, and how many pairs share
/// each vector (all the EM step needs). Blocks are spread over the cores in
/// chunks of about equal pair counts; chunk results are joined in order, so
/// the result does not depend on scheduling.
///
/// The pairs stay in their chunks, which scoring walks in parallel: joining
/// them into one array held both copies at once (16.8 million pairs took
/// 270 MB twice) for no gain.
struct CandidatePairs: Sendable {
    struct Chunk: Sendable {
        /// left << 32 | right, left < right.
        let pairs: [UInt64]
        let vectors: [ComparisonVector]
    }

    let chunks: [Chunk]
    let patternCounts: [ComparisonVector: Int]
    /// Pairs compared under each rule (a pair counts under the first rule that found it).
    let perRule: [Int]
    let count: Int

    /// Every pair, in order (for tests: this copies them all).
    var pairs: [UInt64] { chunks.flatMap(\.pairs) }

    init(_ records: PreparedRecords, blocks: CandidateBlocks, linking: Bool, chunks: Int) {
        let comparator = PairComparator(records: records)
        let n = records.count
        let total = blocks.blocks.reduce(0) { $0 + $1.pairs }
        let target = max(1, total / max(1, chunks))
        var groups: [Range<Int>] = []
        var start = 0, running = 0
        for (index, block) in blocks.blocks.enumerated() {
            running += block.pairs
            if running >= target {
                groups.append(start..<(index + 1))
                start = index + 1
                running = 0
            }
        }
        if start < blocks.blocks.count { groups.append(start..<blocks.blocks.count) }

        let chunkRanges = groups
        let parts = Parallel.map(count: chunkRanges.count) { g -> ([UInt64], [ComparisonVector], [ComparisonVector: Int], [Int]) in
            var pairs: [UInt64] = [], vectors: [ComparisonVector] = [], counts: [ComparisonVector: Int] = [:]
            var perRule = [Int](repeating: 0, count: blocks.rules.count)
            for blockIndex in chunkRanges[g] {
                let block = blocks.blocks[blockIndex]
                let members = blocks.members[block.rule]
                for a in block.start..<(block.start + block.count) {
                    let first = Int(members[a])
                    for b in (a + 1)..<(block.start + block.count) {
                        let second = Int(members[b])
                        if linking && records.side[first] == records.side[second] { continue }
                        let (i, j) = first < second ? (first, second) : (second, first)
                        if blocks.seenEarlier(i, j, rule: block.rule, recordCount: n) { continue }
                        let vector = comparator.compare(i, j)
                        pairs.append(UInt64(i) << 32 | UInt64(j))
                        vectors.append(vector)
                        counts[vector, default: 0] += 1
                        perRule[block.rule] += 1
                    }
                }
            }
            return (pairs, vectors, counts, perRule)
        }
        var counts: [ComparisonVector: Int] = [:]
        var perRule = [Int](repeating: 0, count: blocks.rules.count)
        for part in parts {
            counts.merge(part.2, uniquingKeysWith: +)
            for rule in perRule.indices { perRule[rule] += part.3[rule] }
        }
        self.perRule = perRule
        self.chunks = parts.map { Chunk(pairs: $0.0, vectors: $0.1) }
        count = self.chunks.reduce(0) { $0 + $1.pairs.count }
        patternCounts = counts
    }
}
