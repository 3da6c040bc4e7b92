import Foundation
import WaymarkMatching

/// How right a dedupe was against the truth.
///
/// Pairwise: the pairs at or above the match threshold against all pairs of
/// records of the same person (pairs blocking never produced count as missed).
/// Cluster pairs: every pair of records put in one cluster against all pairs
/// of records of the same person (a false merge of two big clusters costs
/// many pairs: the strictest measure of harm).
/// Clusters: B-cubed precision and recall (for each record, the share of its
/// cluster that is the same person, and the share of the person's records in
/// its cluster, averaged over records), and the share of people with two or
/// more records whose records form exactly one cluster.
struct BenchMatchScore: Decodable {
    var truePairs: Int
    var pairPrecision: Double
    var pairRecall: Double
    var pairF1: Double
    var clusterPairPrecision: Double
    var clusterPairRecall: Double
    var clusterPairF1: Double
    var clusterPrecision: Double
    var clusterRecall: Double
    var clusterF1: Double
    var exactClusterRate: Double
}

extension BenchMatchScore {
    init(result: LinkageResult, truth: [Int]) {
        var people: [Int: Int] = [:]
        for person in truth { people[person, default: 0] += 1 }
        let truePairs = people.values.reduce(0) { $0 + $1 * ($1 - 1) / 2 }
        let matches = result.matches
        let correct = matches.reduce(0) { $0 + (truth[$1.left] == truth[$1.right] ? 1 : 0) }
        self.init(
            predicted: matches.count, correct: correct, truePairs: truePairs,
            clusters: result.clusters?.clusterIDs ?? result.records.recordIDs, truth: truth)
    }

    init(predicted: Int, correct: Int, truePairs: Int, clusters: [String], truth: [Int]) {
        self.truePairs = truePairs
        pairPrecision = predicted > 0 ? Double(correct) / Double(predicted) : 1
        pairRecall = truePairs > 0 ? Double(correct) / Double(truePairs) : 1
        pairF1 = Self.f1(pairPrecision, pairRecall)
        var clusterSizes: [String: Int] = [:], personSizes: [Int: Int] = [:], both: [String: [Int: Int]] = [:]
        for (cluster, person) in zip(clusters, truth) {
            clusterSizes[cluster, default: 0] += 1
            personSizes[person, default: 0] += 1
            both[cluster, default: [:]][person, default: 0] += 1
        }
        var precision = 0.0, recall = 0.0
        var clusteredPairs = 0, clusteredCorrect = 0
        var clustersOfPerson: [Int: Int] = [:]
        for (cluster, persons) in both {
            for (person, shared) in persons {
                precision += Double(shared * shared) / Double(clusterSizes[cluster]!)
                recall += Double(shared * shared) / Double(personSizes[person]!)
                clustersOfPerson[person, default: 0] += 1
                clusteredCorrect += shared * (shared - 1) / 2
            }
        }
        for size in clusterSizes.values { clusteredPairs += size * (size - 1) / 2 }
        clusterPairPrecision = clusteredPairs > 0 ? Double(clusteredCorrect) / Double(clusteredPairs) : 1
        clusterPairRecall = truePairs > 0 ? Double(clusteredCorrect) / Double(truePairs) : 1
        clusterPairF1 = Self.f1(clusterPairPrecision, clusterPairRecall)
        let n = Double(max(truth.count, 1))
        clusterPrecision = precision / n
        clusterRecall = recall / n
        clusterF1 = Self.f1(clusterPrecision, clusterRecall)
        // Exactly one cluster holding all the person's records and nothing else.
        let multi = personSizes.filter { $0.value > 1 }
        var exact = 0
        for (cluster, persons) in both where persons.count == 1 {
            let (person, shared) = persons.first!
            if shared > 1, shared == personSizes[person]!, clusterSizes[cluster]! == shared { exact += 1 }
        }
        exactClusterRate = multi.isEmpty ? 1 : Double(exact) / Double(multi.count)
    }

    static func f1(_ p: Double, _ r: Double) -> Double { p + r > 0 ? 2 * p * r / (p + r) : 0 }
}

/// Whether "0.95" means 95%: the scored pairs in bands of probability, each
/// with its mean probability and the share that truly are one person.
enum BenchMatchCalibration {
    static func lines(result: LinkageResult, truth: [Int]) -> [String] {
        let bands: [(Double, Double)] = [(0.5, 0.8), (0.8, 0.95), (0.95, 0.99), (0.99, 0.999), (0.999, 1.000_1)]
        var lines = ["  calibration            band            pairs   mean p   truly same"]
        for (low, high) in bands {
            let inBand = result.pairs.filter { $0.probability >= low && $0.probability < high }
            guard !inBand.isEmpty else { continue }
            let mean = inBand.reduce(0) { $0 + $1.probability } / Double(inBand.count)
            let same = Double(inBand.filter { truth[$0.left] == truth[$0.right] }.count) / Double(inBand.count)
            let band = String(format: "%.3f–%.3f", low, min(high, 1))
            lines.append("                         " + band.padding(toLength: 14, withPad: " ", startingAt: 0)
                + String(format: " %8d   %.4f   %.4f", inBand.count, mean, same))
        }
        let guarded = result.pairs.filter { $0.guardReason != nil }
        if !guarded.isEmpty {
            let same = Double(guarded.filter { truth[$0.left] == truth[$0.right] }.count) / Double(guarded.count)
            lines.append(String(format: "  guarded pairs (review) %8d, truly same %.4f", guarded.count, same))
        }
        return lines
    }
}
