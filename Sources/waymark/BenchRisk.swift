import ArgumentParser
import Foundation
import Logging
import WaymarkApp
import WaymarkCore
import WaymarkStore
import WaymarkSynthetic

extension Bench {
    /// Recomputes every risk-of-NEET score, as the lists' refresh job does:
    /// over the data directory or database given, or (with `--people`) over
    /// a synthetic LA loaded into a fresh SQLite file first. Also times the
    /// back-test, which reads the same people with their activities.
    struct Risk: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Time recomputing every risk-of-NEET score (and the back-test) over a data directory or database, or a synthetic LA with --people.")

        @OptionGroup var storage: StorageOptions
        @OptionGroup var authority: AuthorityOptions

        @Option(help: "Load a synthetic LA of this many young people into a fresh SQLite file (or an empty --database) and time that instead.")
        var people: Int?

        @Option(help: "Generator seed (with --people).")
        var seed: UInt64 = 1

        @Flag(help: "Skip the back-test.")
        var noBackTest = false

        func run() async throws {
            let logger = CommandLogging.logger("bench", level: .warning)
            let now = Date()
            let today = CalendarDate.today(from: now)
            let (installation, directory) = try storage.benchInstallation(loadingPeople: people != nil, label: "risk")
            defer { if let directory { try? FileManager.default.removeItem(atPath: directory) } }
            let store = try await installation.open(logger: logger)
            var loaded = ""
            if let people {
                let load = try await DemoLoader(store: store, logger: logger).load(
                    SyntheticLA(SyntheticLAConfiguration(seed: seed, people: people, referenceDate: today)), now: now)
                try await store.database.refreshStatistics(full: true)
                loaded = String(format: ", %d people loaded in %.1f s", load.people, load.seconds)
            }
            let laCode = people != nil ? DemoAuthority.code : try authority.code().code
            do {
                let refresh = try await RiskRefresh(store: store, laCode: laCode).run(on: today)
                print("bench risk: \(installation.location)\(loaded)")
                print(String(format: "  recompute all   %.2f s  (%d scored, %d in Years 9–11 at a school, %.0f people/s)",
                             refresh.seconds, refresh.scored, refresh.listed, Double(refresh.scored) / max(refresh.seconds, 0.001)))
                if !noBackTest {
                    let started = ContinuousClock.now
                    let result = try await BackTestRun(store: store, laCode: laCode).run(on: today)
                    let seconds = (ContinuousClock.now - started).seconds
                    print(String(format: "  back-test       %.2f s  (%d counted at 16, %d at 17)", seconds, result.age16.overall.people, result.age17.overall.people))
                    for age in [result.age16, result.age17] {
                        let overall = age.overall
                        print(String(format: "    NEET at %d: rate %.1f%%, precision %.1f%%, recall %.1f%%", age.age,
                                     (overall.rate ?? 0) * 100, (overall.precision ?? 0) * 100, (overall.recall ?? 0) * 100))
                    }
                }
                try await store.database.close()
            } catch {
                try? await store.database.close()
                throw error
            }
        }
    }
}
