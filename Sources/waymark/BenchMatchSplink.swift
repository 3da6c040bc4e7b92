import Foundation

/// Figures for one engine on the benchmark set.
struct BenchMatchFigures: Decodable {
    var seconds: Double
    var peakMegabytes: Double
    var candidatePairs: Int
    var score: BenchMatchScore

    func printScores(label: String) {
        print("  \(label) pairwise       precision \(fmt(score.pairPrecision))  recall \(fmt(score.pairRecall))  F1 \(fmt(score.pairF1))")
        print("  \(label) B-cubed        precision \(fmt(score.clusterPrecision))  recall \(fmt(score.clusterRecall))  F1 \(fmt(score.clusterF1))")
        print("  \(label) exact clusters \(fmt(score.exactClusterRate)) of people with two or more records")
    }

    private func fmt(_ value: Double) -> String { String(format: "%.4f", value) }
}

/// Runs the Splink script on the benchmark CSV and reads back its figures (JSON).
enum BenchMatchSplink {
    static func run(script: String, input: String) throws -> BenchMatchFigures {
        guard FileManager.default.fileExists(atPath: script) else {
            throw BenchMatchError("\(script) not found: run from the repository root or pass --splink-script")
        }
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("waymark-splink-\(UUID().uuidString).json").path
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", script, "--input", input, "--output", output]
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
