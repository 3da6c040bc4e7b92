import Foundation

/// Two records both called Smith say less than two both called Pemberton.
/// For an exact name match the model's average u is replaced by the name's
/// own share of records: the weight moves by log2(u_exact / share), so common
/// names count for less and rare ones for more.
struct TermFrequencies: Sendable {
    let given: [Double]
    let family: [Double]

    init(_ records: PreparedRecords, uExactGiven: Double, uExactFamily: Double) {
        given = Self.adjustments(records.givenCounts, uExact: uExactGiven)
        family = Self.adjustments(records.familyCounts, uExact: uExactFamily)
    }

    private static func adjustments(_ counts: [Int32], uExact: Double) -> [Double] {
        let total = Double(counts.reduce(0) { $0 + Int($1) })
        guard total > 0 else { return [] }
        return counts.map { count in
            // A value seen once is still one of `total`: never more surprising than that.
            log2(uExact / (max(Double(count), 1) / total))
        }
    }

    @inline(__always) func adjustment(_ vector: ComparisonVector, _ i: Int, _ records: PreparedRecords) -> Double {
        var adjustment = 0.0
        if vector.level(.givenName) == NameLevel.exact.rawValue { adjustment += given[Int(records.given[i])] }
        if vector.level(.familyName) == NameLevel.exact.rawValue { adjustment += family[Int(records.family[i])] }
        return adjustment
    }
}
