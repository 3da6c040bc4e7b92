import ArgumentParser
import Foundation
import Logging
import WaymarkApp
import WaymarkCore
import WaymarkStore
import WaymarkSynthetic

extension Bench {
    /// The figures job over a synthetic LA: what it computes now (one month's
    /// whole figures and the 24-month headline trend in one read) beside
    /// what it computed before (twelve whole months), so the cost of the
    /// trend shows.
    struct Figures: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Load a synthetic LA into a fresh database, then time the figures job (and, for comparison, twelve whole months).")

        @Option(help: "Young people to generate and load.")
        var people = 250_000

        @Option(help: "Generator seed.")
        var seed: UInt64 = 1

        @Option(help: "Times to run each computation; the fastest is printed.")
        var runs = 2

        @Option(help: "A postgres:// URL to load into (the schema must be empty); default: a new SQLite file in a temporary directory.")
        var database: String?

        func run() async throws {
            let directory = FileManager.default.temporaryDirectory.appendingPathComponent("waymark-bench-\(UUID().uuidString)").path
            defer { if database == nil { try? FileManager.default.removeItem(atPath: directory) } }
            let installation = try Installation(databaseURL: database, dataDirectory: directory)
            let logger = CommandLogging.logger("bench", level: .warning)
            let store = try await installation.open(logger: logger)
            let today = CalendarDate.today(from: Date())
            let configuration = SyntheticLAConfiguration(seed: seed, people: people, referenceDate: today)
            let load = try await DemoLoader(store: store, logger: logger).load(SyntheticLA(configuration), now: Date())
            let monthEnd = today.adding(days: 1 - today.day).adding(days: -1)
            let jobs = StandardJobs(store: store, registry: DemoAuthority.registry, laCode: try DemoAuthority.laCode, returnsDirectory: directory)
            let figures = StatutoryFigures(store: store, registry: DemoAuthority.registry, laCode: try DemoAuthority.laCode)
            let twelve = FiguresReport.monthEnds(from: monthEnd.adding(months: -11), through: monthEnd)

            var job = Double.infinity, whole = Double.infinity, alone = Double.infinity
            var cohort = 0
            for _ in 0..<max(1, runs) {
                var started = ContinuousClock.now
                let result = try await jobs.figures(monthEnd: monthEnd)
                job = min(job, (ContinuousClock.now - started).seconds)
                cohort = result.report.month(monthEnd)?.headline.cohort ?? 0
                started = ContinuousClock.now
                _ = try await figures.figures(at: twelve)
                whole = min(whole, (ContinuousClock.now - started).seconds)
                started = ContinuousClock.now
                _ = try await figures.figures(at: [monthEnd])
                alone = min(alone, (ContinuousClock.now - started).seconds)
            }
            try await store.database.close()
            print("bench figures: \(installation.location), \(load.people) people loaded in \(String(format: "%.1f", load.seconds)) s; month end \(monthEnd.iso), cohort \(cohort)")
            print(String(format: "  figures job (the month whole + 24-month trend)  %.2f s", job))
            print(String(format: "  twelve months whole (the job before)            %.2f s", whole))
            print(String(format: "  the month whole alone                           %.2f s", alone))
        }
    }
}
