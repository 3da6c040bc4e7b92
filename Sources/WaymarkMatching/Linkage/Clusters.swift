/// Records grouped as one person. A cluster is named by its smallest record
/// id, so the same input and settings always give the same cluster ids.
public struct Clusters: Sendable {
    /// The cluster id of each record, in input order.
    public let clusterIDs: [String]
    public let count: Int

    /// Connected components of the linked pairs: A~B and B~C put A, B and C
    /// together even if A~C scored low.
    public init(recordIDs: [String], linkedPairs: [(Int, Int)]) {
        var sets = UnionFind(count: recordIDs.count)
        for (a, b) in linkedPairs { sets.union(a, b) }
        (clusterIDs, count) = Self.named(recordIDs, &sets)
    }

    /// Clusters that cannot chain: pairs at or above the threshold join their
    /// clusters strongest first, and two clusters join only if no record of
    /// one meets a guard that proves two people (conflicting identifiers, a twin, a sibling) with any
    /// record of the other. A~B and B~C with A and C clearly different people
    /// leaves C out, wherever the chain runs.
    init(records: PreparedRecords, pairs: [ScoredPair], threshold: Double) {
        let linked = pairs.filter { $0.probability >= threshold && $0.guardReason == nil }.sorted {
            $0.weight != $1.weight ? $0.weight > $1.weight : ($0.left, $0.right) < ($1.left, $1.right)
        }
        let comparator = PairComparator(records: records)
        var sets = UnionFind(count: records.count)
        var members: [Int: [Int]] = [:]
        for pair in linked {
            let (ra, rb) = (sets.find(pair.left), sets.find(pair.right))
            if ra == rb { continue }
            let a = members[ra] ?? [ra], b = members[rb] ?? [rb]
            if Self.anyGuarded(a, b, comparator) { continue }
            sets.union(ra, rb)
            let root = sets.find(ra)
            members[ra] = nil
            members[rb] = nil
            members[root] = a + b
        }
        (clusterIDs, count) = Self.named(records.recordIDs, &sets)
    }

    private static func anyGuarded(_ a: [Int], _ b: [Int], _ comparator: PairComparator) -> Bool {
        for x in a {
            for y in b where PairGuard.check(comparator.compare(x, y))?.provesDifferent == true { return true }
        }
        return false
    }

    private static func named(_ recordIDs: [String], _ sets: inout UnionFind) -> ([String], Int) {
        var smallest = [Int32](repeating: -1, count: recordIDs.count)
        var roots = [Int32](repeating: 0, count: recordIDs.count)
        var clusters = 0
        for index in recordIDs.indices {
            let root = sets.find(index)
            roots[index] = Int32(root)
            let current = Int(smallest[root])
            if current < 0 { clusters += 1 }
            if current < 0 || recordIDs[index] < recordIDs[current] { smallest[root] = Int32(index) }
        }
        return (roots.map { recordIDs[Int(smallest[Int($0)])] }, clusters)
    }
}
