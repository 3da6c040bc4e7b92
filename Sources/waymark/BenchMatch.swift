import ArgumentParser
import Dispatch
import Foundation
import WaymarkCore
import WaymarkMatching
import WaymarkSynthetic

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

extension Bench {
    /// Deduplication of a synthetic LA with planted duplicates whose truth is
    /// known: how fast, how much memory, and how right, optionally beside Splink.
    struct Match: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Time and score record linkage (dedupe) on synthetic records with known duplicates; optionally beside Splink.")

        @Option(help: "Records to generate (people plus their duplicate records).")
        var records = 100_000

        @Option(help: "Generator seed.")
        var seed: UInt64 = 1

        @Option(help: "Share of records that are a duplicate of another person's record, with one to three variations.")
        var duplicateRate = 0.1

        @Option(help: "Share of records that keep each identifier (UPN, ULN); the rest have none, as from a source that does not hold them.")
        var identifierRate = 0.5

        @Option(help: "Also write the generated records (with the hidden truth column true_id) to this CSV file.")
        var csvOut: String?

        @Flag(help: "Run benchmarks/splink_compare.py on the same CSV and print its figures beside Waymark's.")
        var splink = false

        @Option(help: "The Splink comparison script.")
        var splinkScript = "benchmarks/splink_compare.py"

        func run() throws {
            let generationStart = ContinuousClock.now
            let generated = BenchMatchData.generate(records: records, seed: seed, duplicateRate: duplicateRate, identifierRate: identifierRate)
            let generationSeconds = BenchMatchData.seconds(since: generationStart)

            let started = ContinuousClock.now
            let result = LinkageEngine.dedupe(generated.records, configuration: LinkageConfiguration(seed: seed))
            let total = BenchMatchData.seconds(since: started)
            let score = BenchMatchScore(result: result, truth: generated.truth)
            let ours = BenchMatchFigures(
                seconds: total, peakMegabytes: BenchMatchData.peakMegabytes(), candidatePairs: result.candidatePairs, score: score)

            print("bench match: \(records) records, seed \(seed), duplicate rate \(duplicateRate), identifiers kept \(Int(identifierRate * 100))%")
            print(String(format: "  generate (not timed)   %8.2f s", generationSeconds))
            print("  true duplicate pairs   \(score.truePairs)")
            print("  candidate pairs        \(result.candidatePairs)")
            for (rule, pairs) in result.candidatePairsByRule { print("    " + rule.name.padding(toLength: 28, withPad: " ", startingAt: 0) + " \(pairs)") }
            for timing in result.timings { print("  " + timing.phase.padding(toLength: 22, withPad: " ", startingAt: 0) + String(format: " %8.3f s", timing.seconds)) }
            print(String(format: "  total                  %8.3f s", total))
            print(String(format: "  peak memory (maxrss)   %8.0f MB", ours.peakMegabytes))
            if !result.skippedBlocks.isEmpty {
                print("  skipped blocks         \(result.skippedBlocks.count) (largest \(result.skippedBlocks.map(\.size).max() ?? 0) records)")
            }
            print(String(format: "  EM                     %d iterations, %.4f of candidates matches", result.model.emIterations, result.model.candidateMatchRate))
            print("  threshold              match probability ≥ \(result.thresholds.match)")
            ours.printScores(label: "waymark")

            guard csvOut != nil || splink else { return }
            let csvPath = csvOut ?? FileManager.default.temporaryDirectory.appendingPathComponent("waymark-bench-match-\(UUID().uuidString).csv").path
            try BenchMatchData.writeCSV(generated.records, truth: generated.truth, to: csvPath)
            if csvOut != nil { print("  wrote \(csvPath)") }
            if splink {
                let splinkFigures = try BenchMatchSplink.run(script: splinkScript, input: csvPath)
                splinkFigures.printScores(label: "splink")
                print("  comparison             waymark      splink")
                print(String(format: "  total seconds          %8.2f    %8.2f", ours.seconds, splinkFigures.seconds))
                print(String(format: "  peak memory MB         %8.0f    %8.0f", ours.peakMegabytes, splinkFigures.peakMegabytes))
                print("  candidate pairs        \(ours.candidatePairs.formatted(width: 8))    \(splinkFigures.candidatePairs.formatted(width: 8))")
                print(String(format: "  pairwise F1            %8.4f    %8.4f", ours.score.pairF1, splinkFigures.score.pairF1))
                print(String(format: "  cluster F1 (B-cubed)   %8.4f    %8.4f", ours.score.clusterF1, splinkFigures.score.clusterF1))
                print(String(format: "  exact clusters         %8.4f    %8.4f", ours.score.exactClusterRate, splinkFigures.score.exactClusterRate))
                if csvOut == nil { try? FileManager.default.removeItem(atPath: csvPath) }
            }
        }
    }
}

extension Int {
    func formatted(width: Int) -> String {
        let text = String(self)
        return String(repeating: " ", count: Swift.max(0, width - text.count)) + text
    }
}
