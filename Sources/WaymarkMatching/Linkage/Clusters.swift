/// Records grouped as one person: connected components of the pairs at or
/// above the match threshold, so A~B and B~C put A, B and C together even if
/// A~C scored low. A cluster is named by its smallest record id, so the same
/// input and settings always give the same cluster ids.
public struct Clusters: Sendable {
    /// The cluster id of each record, in input order.
    public let clusterIDs: [String]
    public let count: Int

    public init(recordIDs: [String], linkedPairs: [(Int, Int)]) {
        var sets = UnionFind(count: recordIDs.count)
        for (a, b) in linkedPairs { sets.union(a, b) }
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
        clusterIDs = roots.map { recordIDs[Int(smallest[Int($0)])] }
        count = clusters
    }
}
