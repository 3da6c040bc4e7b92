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
            abstract: "Time and score record linkage (dedupe) on synthetic records with known duplicates; optionally beside Splink.",
            discussion: """
                Two generated sets: households (the default and the harder: siblings and twins at one address, moves, \
                name changes, four sources with their own habits) and la (the synthetic LA's planted duplicates). \
                With --set both, each set runs in its own process so each has its own peak memory.
                """)

        enum DataSet: String, ExpressibleByArgument, CaseIterable {
            case households, la, both
        }

        @Option(help: "Records to generate (people plus their duplicate records).")
        var records = 100_000

        @Option(help: "Generator seed.")
        var seed: UInt64 = 1

        @Option(help: "Which generated set: households, la, or both (each in its own process).")
        var set: DataSet = .both

        @Option(help: "la set: share of records that are a duplicate of another person's record, with one to three variations.")
        var duplicateRate = 0.1

        @Option(help: "la set: share of records that keep each identifier (UPN, ULN); the rest have none.")
        var identifierRate = 0.5

        @Option(help: "Also write the generated records (with the hidden truth column true_id) to this CSV file.")
        var csvOut: String?

        @Flag(help: "Also print where the errors are: missed and false pairs by reason and by comparison pattern.")
        var misses = false

        @Flag(help: "Run benchmarks/splink_compare.py on the same CSV and print its figures beside Waymark's.")
        var splink = false

        @Option(help: "The Splink comparison script.")
        var splinkScript = "benchmarks/splink_compare.py"

        @Option(help: "The Python that has Splink installed (a virtual environment's python, say).")
        var python = "python3"

        func run() throws {
            guard set != .both else {
                for each in [DataSet.households, .la] { try runChild(each) }
                return
            }
            let generationStart = ContinuousClock.now
            let generated = set == .households
                ? BenchMatchData.households(records: records, seed: seed)
                : BenchMatchData.generate(records: records, seed: seed, duplicateRate: duplicateRate, identifierRate: identifierRate)
            let generationSeconds = BenchMatchData.seconds(since: generationStart)
            let generatedMegabytes = BenchMatchData.peakMegabytes()

            let started = ContinuousClock.now
            let result = LinkageEngine.dedupe(generated.records, configuration: LinkageConfiguration(seed: seed))
            let total = BenchMatchData.seconds(since: started)
            // Before scoring, whose tables of clusters are the bench's, not the engine's.
            let peakMegabytes = BenchMatchData.peakMegabytes()
            let score = BenchMatchScore(result: result, truth: generated.truth)
            let ours = BenchMatchFigures(
                seconds: total, peakMegabytes: peakMegabytes, candidatePairs: result.candidatePairs, score: score)

            if set == .households {
                print("bench match: households set, \(records) records, seed \(seed)")
            } else {
                print("bench match: la set, \(records) records, seed \(seed), duplicate rate \(duplicateRate), identifiers kept \(Int(identifierRate * 100))%")
            }
            print("  people                 \(Set(generated.truth).count)")
            print(String(format: "  generate (not timed)   %8.2f s", generationSeconds))
            print("  true duplicate pairs   \(score.truePairs)")
            print("  candidate pairs        \(result.candidatePairs)")
            for (rule, pairs) in result.candidatePairsByRule { print("    " + rule.name.padding(toLength: 28, withPad: " ", startingAt: 0) + " \(pairs)") }
            for timing in result.timings { print("  " + timing.phase.padding(toLength: 22, withPad: " ", startingAt: 0) + String(format: " %8.3f s", timing.seconds)) }
            print(String(format: "  total                  %8.3f s", total))
            print(String(format: "  peak memory (maxrss)   %8.0f MB (generated records included; %.0f MB once generated)", ours.peakMegabytes, generatedMegabytes))
            if !result.skippedBlocks.isEmpty {
                print("  skipped blocks         \(result.skippedBlocks.count) (largest \(result.skippedBlocks.map(\.size).max() ?? 0) records)")
            }
            print(String(format: "  EM                     %d iterations, %.4f of candidates matches", result.model.emIterations, result.model.candidateMatchRate))
            print("  threshold              match probability ≥ \(result.thresholds.match)")
            print("  clusters               \(result.clusters?.count ?? 0)")
            ours.printScores(label: "waymark")
            for line in BenchMatchCalibration.lines(result: result, truth: generated.truth) { print(line) }
            if misses { for line in BenchMatchMisses.lines(result: result, truth: generated.truth) { print(line) } }

            guard csvOut != nil || splink else { return }
            let csvPath = csvOut ?? FileManager.default.temporaryDirectory.appendingPathComponent("waymark-bench-match-\(UUID().uuidString).csv").path
            try BenchMatchData.writeCSV(generated.records, truth: generated.truth, to: csvPath)
            if csvOut != nil { print("  wrote \(csvPath)") }
            if splink {
                let splinkFigures = try BenchMatchSplink.run(python: python, script: splinkScript, input: csvPath)
                splinkFigures.printScores(label: "splink")
                BenchMatchFigures.printSideBySide(ours, splinkFigures)
                if csvOut == nil { try? FileManager.default.removeItem(atPath: csvPath) }
            }
        }

        /// One set in a process of its own, so its peak memory is its own.
        private func runChild(_ each: DataSet) throws {
            var arguments = ["bench", "match", "--records", String(records), "--seed", String(seed), "--set", each.rawValue]
            arguments += ["--duplicate-rate", String(duplicateRate), "--identifier-rate", String(identifierRate)]
            if let csvOut { arguments += ["--csv-out", csvOut.replacingOccurrences(of: ".csv", with: "") + "-\(each.rawValue).csv"] }
            if misses { arguments.append("--misses") }
            if splink { arguments += ["--splink", "--splink-script", splinkScript, "--python", python] }
            let process = Process()
            process.executableURL = URL(fileURLWithPath: CommandLine.arguments[0]).standardizedFileURL
            if !FileManager.default.isExecutableFile(atPath: process.executableURL!.path) {
                process.executableURL = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
            }
            process.arguments = arguments
            try process.run()
            process.waitUntilExit()
            guard process.terminationStatus == 0 else { throw BenchMatchError("the \(each.rawValue) set failed with status \(process.terminationStatus)") }
        }
    }
}

extension Int {
    func formatted(width: Int) -> String {
        let text = String(self)
        return String(repeating: " ", count: Swift.max(0, width - text.count)) + text
    }
}
