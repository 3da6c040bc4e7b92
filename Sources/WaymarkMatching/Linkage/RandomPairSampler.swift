/// Estimates u: how often random pairs (almost all non-matches) reach each
/// level. Sampled pairs are split across the cores with a seed per chunk.
/// Every level count starts at one half, so a level no random pair reached
/// (two ULNs agreeing) gets a small u rather than zero.
enum RandomPairSampler {
    static func uProbabilities(_ records: PreparedRecords, pairs: Int, linking: Bool, seed: UInt64) -> [[Double]] {
        let comparator = PairComparator(records: records)
        let n = records.count
        let leftCount = records.side.firstIndex(of: 1) ?? n
        let chunkCounts = Parallel.map(count: 16) { chunk -> [Int] in
            var random = SeededRandom(seed: seed &+ UInt64(chunk) &* 0x5851_F42D_4C95_7F2D)
            var counts = [Int](repeating: 0, count: LinkageField.count * 16)
            guard n >= 2, !linking || (leftCount > 0 && leftCount < n) else { return counts }
            for _ in 0..<(pairs / 16) {
                var i: Int, j: Int
                if linking {
                    i = Int.random(in: 0..<leftCount, using: &random)
                    j = Int.random(in: leftCount..<n, using: &random)
                } else {
                    i = Int.random(in: 0..<n, using: &random)
                    j = Int.random(in: 0..<(n - 1), using: &random)
                    if j >= i { j += 1 }
                }
                let vector = comparator.compare(i, j)
                for field in 0..<LinkageField.count { counts[field * 16 + Int(vector.level(at: field))] += 1 }
            }
            return counts
        }
        var totals = [Int](repeating: 0, count: LinkageField.count * 16)
        for counts in chunkCounts { for k in totals.indices { totals[k] += counts[k] } }
        return LinkageField.allCases.map { field in
            let levels = field.levelCount
            let observed = (1..<levels).map { Double(totals[field.rawValue * 16 + $0]) + 0.5 }
            let sum = observed.reduce(0, +)
            return [0] + observed.map { $0 / sum }
        }
    }
}
