import ArgumentParser
import Foundation
import Logging
import WaymarkApp
import WaymarkCore
import WaymarkStore
import WaymarkSynthetic

extension Bench {
    /// The headline figures as the figures page and the home page read them
    /// (from the kept timelines, any month), beside the figures job that
    /// classifies everyone (the month whole and the 24-month trend): over the
    /// data directory or database given, or (with `--people`) a synthetic LA
    /// loaded into a fresh SQLite file (or an empty `--database`) first.
    struct Figures: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Time the headline figures read from the kept timelines (any month; the home page's dashboard) beside the figures job.")

        @OptionGroup var storage: StorageOptions
        @OptionGroup var authority: AuthorityOptions

        @Option(help: "Load a synthetic LA of this many young people into a fresh SQLite file (or an empty --database) and time that instead.")
        var people: Int?

        @Option(help: "Generator seed (with --people).")
        var seed: UInt64 = 1

        @Option(help: "Times to run each read; the median and the slowest are printed.")
        var runs = 20

        @Flag(help: "Skip the figures job (it classifies everyone: seconds at 250,000).")
        var noJob = false

        func run() async throws {
            let logger = CommandLogging.logger("bench", level: .warning)
            let now = Date()
            let today = CalendarDate.today(from: now)
            let (installation, directory) = try storage.benchInstallation(loadingPeople: people != nil, label: "figures")
            defer { if let directory { try? FileManager.default.removeItem(atPath: directory) } }
            let store = try await installation.open(logger: logger)
            do {
                var loaded = ""
                if let people {
                    let load = try await DemoLoader(store: store, logger: logger).load(
                        SyntheticLA(SyntheticLAConfiguration(seed: seed, people: people, referenceDate: today)), now: now)
                    try await store.database.refreshStatistics(full: true)
                    loaded = String(format: ", %d people loaded in %.1f s", load.people, load.seconds)
                }
                let laCode = people != nil ? try DemoAuthority.laCode : try authority.code()
                // Anyone without a timeline (a database from before them) is filled in first, as the positions job does.
                let filled = try await FigureTimelines(store: store).refreshMissing()
                try await report(store: store, laCode: laCode, today: today, heading: "bench figures: \(installation.location)\(loaded); \(filled) timelines filled in first")
                try await store.database.close()
            } catch {
                try? await store.database.close()
                throw error
            }
        }

        private func report(store: Store, laCode: LocalAuthorityCode, today: CalendarDate, heading: String) async throws {
            let read = HeadlineCountsRead(store: store)
            let lastMonthEnd = today.adding(days: -today.day)
            print(heading)
            // Several months, old and new: each is the page's read (24 month ends up to it).
            var trendTimes: [Double] = []
            var cohort = 0
            for run in 0..<max(1, runs) {
                let monthEnd = lastMonthEnd.adding(days: 1 - lastMonthEnd.day).adding(months: -(run % 30)).endOfMonth
                let months = FiguresReport.monthEnds(from: monthEnd.adding(days: 1 - monthEnd.day).adding(months: -23), through: monthEnd)
                let started = ContinuousClock.now
                let trend = try await read.trend(responsibleLA: laCode.code, monthEnds: months)
                trendTimes.append((ContinuousClock.now - started).seconds)
                if run == 0 { cohort = trend.counts(on: monthEnd)?.cohort ?? 0 }
            }
            print(Self.line("headline + 24-month trend, any month (kept)", trendTimes) + "  cohort at \(lastMonthEnd.iso): \(cohort)")
            var dashboardTimes: [Double] = []
            for _ in 0..<max(1, runs) {
                let started = ContinuousClock.now
                let months = FiguresReport.monthEnds(from: lastMonthEnd.adding(days: 1 - lastMonthEnd.day).adding(months: -11), through: lastMonthEnd)
                _ = try await read.counts(responsibleLA: laCode.code, on: months + [today, today.adding(days: -7)])
                _ = try await ComparatorQueries(store: store).latest(upTo: today)
                dashboardTimes.append((ContinuousClock.now - started).seconds)
            }
            print(Self.line("home page LA figures (today, last week, 12 months, comparators)", dashboardTimes))
            guard !noJob else { return }
            let jobs = StandardJobs(store: store, registry: DemoAuthority.registry, laCode: laCode, returnsDirectory: FileManager.default.temporaryDirectory.path)
            let started = ContinuousClock.now
            _ = try await jobs.figures(monthEnd: lastMonthEnd)
            print(String(format: "  figures job (classifies everyone: the month whole + 24-month trend)  %.2f s", (ContinuousClock.now - started).seconds))
        }

        static func line(_ label: String, _ times: [Double]) -> String {
            let sorted = times.sorted()
            return String(format: "  %@  median %.1f ms, slowest %.1f ms (%d runs)", label, sorted[sorted.count / 2] * 1000, (sorted.last ?? 0) * 1000, sorted.count)
        }
    }
}
