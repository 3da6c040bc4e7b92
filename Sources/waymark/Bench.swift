import ArgumentParser
import Foundation
import Logging
import WaymarkApp
import WaymarkCore
import WaymarkStore
import WaymarkSynthetic

struct Bench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Measure Waymark's performance; each prints its figures.", subcommands: [Load.self, Search.self, Match.self, Portal.self, Retention.self, Figures.self, Assessments.self, Risk.self, KnownElsewhereIndexBench.self])

    struct Load: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Generate a synthetic LA and load it into a fresh database; print people/s and rows/s.")

        @Option(help: "Young people to generate and load.")
        var people = 250_000

        @Option(help: "Generator seed.")
        var seed: UInt64 = 1

        @Option(help: "A postgres:// URL to load into (the schema must be empty); default: a new SQLite file in a temporary directory.")
        var database: String?

        func run() async throws {
            let directory = FileManager.default.temporaryDirectory.appendingPathComponent("waymark-bench-\(UUID().uuidString)").path
            let installation = try Installation(databaseURL: database, dataDirectory: directory)
            let logger = CommandLogging.logger("bench", level: .warning)
            let store = try await installation.open(logger: logger)
            let configuration = SyntheticLAConfiguration(seed: seed, people: people, referenceDate: CalendarDate.today(from: Date()))
            let report = try await DemoLoader(store: store, logger: logger).load(SyntheticLA(configuration), now: Date())
            try await store.database.close()
            print("bench load: \(installation.location)")
            print(String(format: "  people        %d", report.people))
            print(String(format: "  rows          %d", report.rows))
            print(String(format: "  seconds       %.2f", report.seconds))
            print(String(format: "  people/s      %.0f", report.peoplePerSecond))
            print(String(format: "  rows/s        %.0f", report.rowsPerSecond))
            if database == nil { try? FileManager.default.removeItem(atPath: directory) }
        }
    }
}
