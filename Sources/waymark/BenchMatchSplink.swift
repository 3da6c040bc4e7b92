import Foundation

/// Figures for one engine on the benchmark set.
struct BenchMatchFigures: Decodable {
    var seconds: Double
    var peakMegabytes: Double
    var candidatePairs: Int
    var score: BenchMatchScore

    func printScores(label: String) {
        print("  \(label) pairwise       precision \(fmt(score.pairPrecision))  recall \(fmt(score.pairRecall))  F1 \(fmt(score.pairF1))")
        print("  \(label) cluster pairs  precision \(fmt(score.clusterPairPrecision))  recall \(fmt(score.clusterPairRecall))  F1 \(fmt(score.clusterPairF1))")
        print("  \(label) B-cubed        precision \(fmt(score.clusterPrecision))  recall \(fmt(score.clusterRecall))  F1 \(fmt(score.clusterF1))")
        print("  \(label) exact clusters \(fmt(score.exactClusterRate)) of people with two or more records")
    }

    static func printSideBySide(_ ours: BenchMatchFigures, _ splink: BenchMatchFigures) {
        print("  comparison             waymark      splink")
        print(String(format: "  total seconds          %8.2f    %8.2f", ours.seconds, splink.seconds))
        print(String(format: "  peak memory MB         %8.0f    %8.0f", ours.peakMegabytes, splink.peakMegabytes))
        print("  candidate pairs        \(ours.candidatePairs.formatted(width: 8))    \(splink.candidatePairs.formatted(width: 8))")
        let rows: [(String, KeyPath<BenchMatchScore, Double>)] = [
            ("pairwise precision", \.pairPrecision), ("pairwise recall", \.pairRecall), ("pairwise F1", \.pairF1),
            ("cluster pair precision", \.clusterPairPrecision), ("cluster pair recall", \.clusterPairRecall), ("cluster pair F1", \.clusterPairF1),
            ("B-cubed precision", \.clusterPrecision), ("B-cubed recall", \.clusterRecall), ("B-cubed F1", \.clusterF1),
            ("exact clusters", \.exactClusterRate),
        ]
        for (name, path) in rows {
            print("  " + name.padding(toLength: 22, withPad: " ", startingAt: 0) + String(format: " %8.4f    %8.4f", ours.score[keyPath: path], splink.score[keyPath: path]))
        }
    }

    private func fmt(_ value: Double) -> String { String(format: "%.4f", value) }
}

/// Runs the Splink script on the benchmark CSV and reads back its figures (JSON).
enum BenchMatchSplink {
    static func run(python: String, script: String, input: String) throws -> BenchMatchFigures {
        guard FileManager.default.fileExists(atPath: script) else {
            throw BenchMatchError("\(script) not found: run from the repository root or pass --splink-script")
        }
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("waymark-splink-\(UUID().uuidString).json").path
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [python, script, "--input", input, "--output", output]
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw BenchMatchError("\(script) failed with status \(process.terminationStatus)") }
        defer { try? FileManager.default.removeItem(atPath: output) }
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        return try decoder.decode(BenchMatchFigures.self, from: Data(contentsOf: URL(fileURLWithPath: output)))
    }
}

struct BenchMatchError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
