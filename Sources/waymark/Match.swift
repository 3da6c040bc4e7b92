import ArgumentParser
import Foundation
import WaymarkMatching

/// Record linkage from the command line: find the duplicates in one file, or
/// the same people across two.
struct Match: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Find records of the same person: within one CSV file (dedupe) or across two (link).",
        discussion: """
            Input: CSV with a header naming any of these columns (others are ignored): \(LinkageInput.columns.joined(separator: ", ")). \
            Only record_id is required; dob is YYYY-MM-DD.
            """,
        subcommands: [Dedupe.self, Link.self, Scan.self])

    struct Thresholds: ParsableArguments {
        @Option(help: "Match probability at or above which two records are the same person.")
        var matchThreshold = MatchThresholds().match

        @Option(help: "Match probability at or above which a pair is worth a person's review.")
        var reviewThreshold = MatchThresholds().review

        @Option(help: "Write each pair at or above the review threshold with its explanation (one JSON object per line) to this file.")
        var explain: String?

        func validate() throws {
            guard (0...1).contains(matchThreshold), (0...1).contains(reviewThreshold), reviewThreshold <= matchThreshold else {
                throw ValidationError("thresholds are probabilities, with --review-threshold at most --match-threshold")
            }
        }

        var configuration: LinkageConfiguration {
            LinkageConfiguration(thresholds: MatchThresholds(match: matchThreshold, review: reviewThreshold))
        }

        /// Blocks too big to compare are skipped; say so, as their pairs were never looked at.
        func reportSkippedBlocks(_ result: LinkageResult) {
            for block in result.skippedBlocks.prefix(10) {
                print("skipped a block of \(block.size) records under \(block.rule.name) (over \(LinkageConfiguration().maxBlockSize))")
            }
            if result.skippedBlocks.count > 10 { print("… and \(result.skippedBlocks.count - 10) more skipped blocks") }
        }

        /// Written a megabyte at a time: half a million explained pairs held
        /// as text at once took 2 GB more than the linkage itself.
        func writeExplanations(_ result: LinkageResult) throws {
            guard let explain else { return }
            guard FileManager.default.createFile(atPath: explain, contents: nil), let file = FileHandle(forWritingAtPath: explain) else {
                throw ValidationErrorText("cannot write \(explain)")
            }
            defer { try? file.close() }
            var buffer = ""
            for pair in result.pairs {
                for line in result.explanation(for: pair).jsonLines { buffer += line + "\n" }
                if buffer.utf8.count >= 1 << 20 {
                    try file.write(contentsOf: Data(buffer.utf8))
                    buffer = ""
                }
            }
            try file.write(contentsOf: Data(buffer.utf8))
        }
    }

    struct Dedupe: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Group the records of one file by person; writes record_id,cluster_id (the cluster id is its smallest record id).")

        @Option(help: "CSV file of records.")
        var input: String

        @Option(help: "CSV file to write.")
        var output: String

        @OptionGroup var thresholds: Thresholds

        func run() throws {
            let records = try MatchCSV.records(at: input)
            let result = LinkageEngine.dedupe(records, configuration: thresholds.configuration)
            let clusters = result.clusters?.clusterIDs ?? records.map(\.recordID)
            try MatchCSV.write(zip(records, clusters).map { [$0.recordID, $1] }, header: ["record_id", "cluster_id"], to: output)
            try thresholds.writeExplanations(result)
            thresholds.reportSkippedBlocks(result)
            let review = result.pairs.count - result.matches.count
            print("\(records.count) records, \(result.candidatePairs) pairs compared, \(result.matches.count) matched, \(review) to review, "
                + "\(result.clusters?.count ?? records.count) clusters → \(output)")
        }
    }

    struct Link: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Find the same people across two files; writes left_id,right_id,match_probability for pairs at or above the match threshold.")

        @Option(help: "CSV file of the first dataset.")
        var left: String

        @Option(help: "CSV file of the second dataset.")
        var right: String

        @Option(help: "CSV file to write.")
        var output: String

        @OptionGroup var thresholds: Thresholds

        func run() throws {
            let (leftRecords, rightRecords) = (try MatchCSV.records(at: left), try MatchCSV.records(at: right))
            let result = LinkageEngine.link(left: leftRecords, right: rightRecords, configuration: thresholds.configuration)
            let ids = result.records.recordIDs
            let rows = result.matches.map { [ids[$0.left], ids[$0.right], String(format: "%.6f", $0.probability)] }
            try MatchCSV.write(rows, header: ["left_id", "right_id", "match_probability"], to: output)
            try thresholds.writeExplanations(result)
            thresholds.reportSkippedBlocks(result)
            print("\(leftRecords.count) + \(rightRecords.count) records, \(result.candidatePairs) pairs compared, \(rows.count) matched, "
                + "\(result.pairs.count - rows.count) to review → \(output)")
        }
    }
}
