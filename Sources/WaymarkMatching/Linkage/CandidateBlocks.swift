/// Records grouped by each blocking rule's key. A pair is compared once,
/// under the first rule that puts the two together (so no set of pairs has to
/// be kept to drop repeats); a block bigger than the limit is skipped and its
/// key forgotten, so it cannot suppress the pair under a later rule either.
struct CandidateBlocks: Sendable {
    struct Block: Sendable {
        let rule: Int
        let start: Int
        let count: Int
        var pairs: Int { count * (count - 1) / 2 }
    }

    let rules: [BlockingRule]
    /// Record indices grouped by key, one array per rule (blocks index into it).
    let members: [[Int32]]
    /// keys[rule * recordCount + record]; 0 for none or skipped.
    let keys: [UInt64]
    let blocks: [Block]
    let skipped: [SkippedBlock]

    init(_ records: PreparedRecords, rules: [BlockingRule], maxBlockSize: Int, linking: Bool) {
        let n = records.count
        // Each rule writes its own slice of one array: joining per-rule arrays
        // afterwards held every key twice (72 MB at a million records).
        var allKeys = [UInt64](repeating: 0, count: rules.count * n)
        let perRule = allKeys.withUnsafeMutableBufferPointer { buffer in
            let address = Int(bitPattern: buffer.baseAddress)
            return Parallel.map(count: rules.count) { index -> ([Int32], [Block], [SkippedBlock]) in
            let rule = rules[index]
            let keys = UnsafeMutableBufferPointer(start: UnsafeMutablePointer<UInt64>(bitPattern: address)!.advanced(by: index * n), count: n)
            var keyed: [(UInt64, Int32)] = []
            keyed.reserveCapacity(n)
            for i in 0..<n {
                let key = rule.key(records, i)
                keys[i] = key
                if key != 0 { keyed.append((key, Int32(i))) }
            }
            keyed.sort { $0.0 < $1.0 || ($0.0 == $1.0 && $0.1 < $1.1) }
            var members: [Int32] = []
            var blocks: [Block] = []
            var skipped: [SkippedBlock] = []
            var start = 0
            while start < keyed.count {
                var end = start + 1
                while end < keyed.count, keyed[end].0 == keyed[start].0 { end += 1 }
                let size = end - start
                let crosses = !linking || keyed[start..<end].contains { records.side[Int($0.1)] != records.side[Int(keyed[start].1)] }
                if size > maxBlockSize {
                    skipped.append(SkippedBlock(rule: rule, size: size))
                    for k in start..<end { keys[Int(keyed[k].1)] = 0 }
                } else if size >= 2, crosses {
                    blocks.append(Block(rule: index, start: members.count, count: size))
                    for k in start..<end { members.append(keyed[k].1) }
                }
                start = end
            }
            return (members, blocks, skipped)
            }
        }
        self.rules = rules
        keys = allKeys
        members = perRule.map(\.0)
        blocks = perRule.flatMap(\.1)
        skipped = perRule.flatMap(\.2)
    }

    /// Whether an earlier rule already put i and j in one block.
    @inline(__always) func seenEarlier(_ i: Int, _ j: Int, rule: Int, recordCount n: Int) -> Bool {
        var r = 0
        while r < rule {
            let a = keys[r * n + i]
            if a != 0 && a == keys[r * n + j] { return true }
            r += 1
        }
        return false
    }
}

/// A block left out because comparing all its pairs would cost too much.
public struct SkippedBlock: Sendable, Equatable {
    public let rule: BlockingRule
    public let size: Int
}
