import Foundation
import WaymarkMatching

/// Where the errors are: each pair of one person's records left in two
/// clusters and each pair of two people's records put in one, by why (not a
/// candidate, scored below review, in review, guarded, kept apart by another
/// record) and by the commonest comparison patterns. For the engine's
/// developers: it says which change would gain the most.
enum BenchMatchMisses {
    static func lines(result: LinkageResult, truth: [Int], patterns shown: Int = 12) -> [String] {
        guard let clusters = result.clusters?.clusterIDs else { return [] }
        var scored: [UInt64: ScoredPair] = [:]
        for pair in result.pairs { scored[key(pair.left, pair.right)] = pair }
        var byPerson: [Int: [Int]] = [:]
        for (index, person) in truth.enumerated() { byPerson[person, default: []].append(index) }

        var missedWhy: [String: Int] = [:], missedPatterns: [String: Int] = [:], example: [String: (Int, Int)] = [:]
        for records in byPerson.values where records.count > 1 {
            for a in 0..<records.count {
                for b in (a + 1)..<records.count where clusters[records[a]] != clusters[records[b]] {
                    let (i, j) = (records[a], records[b])
                    let why: String
                    if let pair = scored[key(i, j)] {
                        if let reason = pair.guardReason { why = "guarded: \(reason)" }
                        else if pair.probability < result.thresholds.match { why = "in review" }
                        else { why = "matched, kept apart by a guard on another record" }
                    } else {
                        why = "below review or not a candidate"
                    }
                    missedWhy[why, default: 0] += 1
                    let pattern = describe(result.comparison(left: i, right: j))
                    missedPatterns[pattern, default: 0] += 1
                    if example[pattern] == nil { example[pattern] = (i, j) }
                }
            }
        }
        var falseWhy: [String: Int] = [:]
        var members: [String: [Int]] = [:]
        for (index, cluster) in clusters.enumerated() { members[cluster, default: []].append(index) }
        for records in members.values where records.count > 1 {
            for a in 0..<records.count {
                for b in (a + 1)..<records.count where truth[records[a]] != truth[records[b]] {
                    falseWhy[describe(result.comparison(left: records[a], right: records[b])), default: 0] += 1
                }
            }
        }
        var lines = ["  missed true pairs      \(missedWhy.values.reduce(0, +))"]
        for (why, count) in missedWhy.sorted(by: { $0.value > $1.value }) { lines.append("    \(count.formatted(width: 8))  \(why)") }
        lines.append("    commonest patterns:")
        for (pattern, count) in missedPatterns.sorted(by: { $0.value > $1.value }).prefix(shown) {
            lines.append("    \(count.formatted(width: 8))  \(pattern)")
        }
        for (pattern, _) in missedPatterns.sorted(by: { $0.value > $1.value }).prefix(4).dropFirst(3) {
            if let (i, j) = example[pattern] { lines += result.explanation(left: i, right: j).text.split(separator: "\n").map { "      " + $0 } }
        }
        lines.append("  false pairs in clusters \(falseWhy.values.reduce(0, +)), commonest patterns:")
        for (pattern, count) in falseWhy.sorted(by: { $0.value > $1.value }).prefix(shown) {
            lines.append("    \(count.formatted(width: 8))  \(pattern)")
        }
        return lines
    }

    private static func key(_ i: Int, _ j: Int) -> UInt64 { UInt64(min(i, j)) << 32 | UInt64(max(i, j)) }

    /// "given=close family=exact dob=swappedDayMonth …", missing fields left out.
    static func describe(_ vector: ComparisonVector) -> String {
        LinkageField.allCases.compactMap { field in
            let level = Int(vector.level(field))
            return level == 0 ? nil : "\(field.name)=\(field.levelNames[level])"
        }.joined(separator: " ")
    }
}
