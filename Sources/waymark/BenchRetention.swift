import ArgumentParser
import Foundation
import Logging
import WaymarkApp
import WaymarkCore
import WaymarkStore
import WaymarkSynthetic

extension Bench {
    /// A retention run over a synthetic LA, years after it was generated so
    /// that its oldest people are past the policy: the dry run, the run, and
    /// the audit chain checked afterwards.
    struct Retention: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Load a synthetic LA into a fresh database, then time a retention dry run and run over it, and verify the audit chain.")

        @Option(help: "Young people to generate and load.")
        var people = 250_000

        @Option(help: "Generator seed.")
        var seed: UInt64 = 1

        @Option(help: "Apply the policy this many years after the LA's reference date (7: the oldest year groups are past 25).")
        var yearsAhead = 7

        @Option(help: "Rules that differ from the standard policy (class=age[:erase|anonymise],…); e.g. every class :erase to time erasure rather than anonymising.")
        var retention: String?

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
            let day = today.adding(years: yearsAhead)
            let policy: RetentionPolicy
            do {
                policy = try RetentionPolicy.configured(retention, environment: [:])
            } catch {
                throw ValidationError("--retention: \(error)")
            }
            let run = RetentionRun(store: store, laCode: DemoAuthority.code, policy: policy)
            let dry = try await run.run(on: day, dryRun: true, by: .system("bench"), at: Date())
            let real = try await run.run(on: day, dryRun: false, by: .system("bench"), at: Date())
            let started = ContinuousClock.now
            let verified = try await AuditTrailVerifier(store: store).verify()
            let verifySeconds = (ContinuousClock.now - started).seconds
            try await store.database.close()
            print("bench retention: \(installation.location), \(load.people) people loaded in \(String(format: "%.1f", load.seconds)) s, as at \(day.iso)")
            print(String(format: "  dry run        %.2f s  (%d examined)", dry.seconds, dry.examined))
            print(String(format: "  run            %.2f s  (%d erased, %d anonymised, %d kept longer)", real.seconds, real.erased, real.anonymised, real.keptLonger))
            print(String(format: "  audit verify   %.2f s  (%d events, %@)", verifySeconds, verified.checked, verified.firstBreak == nil ? "holds" : "BROKEN"))
            RetentionReportText.print(real)
        }
    }
}

extension Duration {
    var seconds: Double { Double(components.seconds) + Double(components.attoseconds) / 1e18 }
}
