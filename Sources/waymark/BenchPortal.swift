import ArgumentParser
import Foundation
import Logging
import SQLKit
import WaymarkApp
import WaymarkCore
import WaymarkRecords
import WaymarkStore
import WaymarkSynthetic

extension Bench {
    /// The school portal's leavers page at the size the issue names: a
    /// synthetic LA of 250,000 young people loaded into a fresh SQLite file,
    /// then one school given 2,000 leavers over the last three leaving years
    /// (a fifth of them with consent to see where they are). Times the use
    /// case the page calls, audit included, as a careers leader pages
    /// through, filters by year and asks for the NEET and not known.
    struct Portal: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Time the school portal's leavers page for a school of 2,000 leavers in a synthetic LA (default 250,000 people).")

        @Option(help: "Young people in the synthetic LA.")
        var people = 250_000

        @Option(help: "Leavers of the bench school over the last three leaving years.")
        var leavers = 2_000

        @Option(help: "Timed requests of the leavers page.")
        var requests = 300

        @Option(help: "Generator seed.")
        var seed: UInt64 = 1

        @Option(help: "A postgres:// URL to load into (the schema must be empty); default: a new SQLite file in a temporary directory.")
        var database: String?

        func run() async throws {
            let directory = FileManager.default.temporaryDirectory.appendingPathComponent("waymark-bench-portal-\(UUID().uuidString)").path
            defer { if database == nil { try? FileManager.default.removeItem(atPath: directory) } }
            let installation = try Installation(databaseURL: database, dataDirectory: directory)
            let logger = CommandLogging.logger("bench", level: .warning)
            let store = try await installation.open(logger: logger)
            let now = Date()
            let today = CalendarDate.today(from: now)
            let load = try await DemoLoader(store: store, logger: logger).load(
                SyntheticLA(SyntheticLAConfiguration(seed: seed, people: people, referenceDate: today)), now: now)
            let (grant, placed) = try await Self.school(leavers: leavers, store: store, today: today, now: now)
            try await store.database.refreshStatistics(full: true)
            let portal = AppServices(store: store, registry: DemoAuthority.registry, laCode: try DemoAuthority.laCode).portal
            let years = LeavingYear.recent(on: today).map(\.year)
            // Pages a careers leader opens: the home page, each year, the NEET and not known, a later page.
            let asks: [(year: Int?, attention: Bool, page: Int)] = [(nil, false, 1)] + years.map { ($0, false, 1) } + [(nil, true, 1), (nil, false, 5), (years[0], true, 1)]
            var timings = Timings()
            var shown = 0
            for index in 0..<(requests + 10) {
                let ask = asks[index % asks.count]
                let started = ContinuousClock.now
                let page = try await portal.leavers(for: grant, year: ask.year, attentionOnly: ask.attention, page: ask.page, at: Date())
                let elapsed = ContinuousClock.now - started
                shown = max(shown, page.matching)
                if index >= 10 { timings.add(elapsed) }  // warm-up: the first requests fill SQLite's page cache
            }
            var report = Timings()
            for index in 0..<(requests / 10 + 3) {
                let started = ContinuousClock.now
                _ = try await portal.destinations(for: grant, year: years[index % years.count], format: "html", at: Date())
                if index >= 3 { report.add(ContinuousClock.now - started) }
            }
            try await store.database.close()
            print("bench portal: \(installation.location), \(load.people) people, a school of \(placed) leavers over \(years.map(String.init).joined(separator: ", "))")
            print("  \(shown) leavers on the widest list, \(PortalDesk.pageSize) a page")
            print("  use case                p50 ms   p95 ms   p99 ms   max ms   requests")
            for (name, figures) in [("leavers page", timings), ("destinations report", report)] {
                print("  " + name.padding(toLength: 22, withPad: " ", startingAt: 0)
                    + String(format: "%8.2f %8.2f %8.2f %8.2f   %d", figures.percentile(0.5), figures.percentile(0.95), figures.percentile(0.99),
                             figures.percentile(1), figures.milliseconds.count))
            }
            print("  budget: leavers page p95 ≤ 300 ms (release, 2 cores)")
        }

        /// A school with `leavers` Year 11 leavers taken from the loaded people
        /// whose age put them in Year 11 in one of the last three leaving
        /// years, a careers leader, and a permit to see the provider from one
        /// leaver in five. Returns the careers leader's grant and how many leavers were placed.
        static func school(leavers: Int, store: Store, today: CalendarDate, now: Date) async throws -> (AccessGrant, Int) {
            let years = LeavingYear.recent(on: today)
            var chosen: [(Int64, LeavingYear)] = []
            for year in years {
                // Born in the year that put them in Year 11 during the leaving year's academic year.
                let bornFrom = year.academicYear.firstDay.adding(years: -16)
                let bornTo = bornFrom.adding(years: 1).adding(days: -1)
                let ids = try await store.sql.raw("""
                    SELECT id FROM young_person WHERE date_of_birth >= \(bind: bornFrom.iso) AND date_of_birth <= \(bind: bornTo.iso)
                    ORDER BY id LIMIT \(literal: leavers / years.count + (year == years[0] ? leavers % years.count : 0))
                    """).all(decodingColumn: "id", as: Int64.self)
                chosen += ids.map { ($0, year) }
            }
            let placed = chosen
            let (userID, schoolID) = try await store.change(by: .system("bench"), at: now) { tx in
                let school = try await tx.createOrganisation(
                    NewOrganisation(kind: .school, name: "Bench Academy", laCode: DemoAuthority.code, establishmentNumber: "9909999"))
                let user = try await tx.createUser(
                    NewUser(organisationID: school, email: "careers@bench-academy.example", displayName: "Bench careers leader", role: .careersLeader,
                            passwordHash: "not a hash"))
                for (index, (person, year)) in placed.enumerated() {
                    try await tx.recordEnrolment(
                        NewEnrolment(organisationID: school, kind: .schoolRoll, yearGroup: 11, from: year.firstDay, to: year.lastDay), for: person)
                    if index % 5 == 0 {
                        try await tx.recordConsent(
                            ConsentProvision(
                                decision: .permit, purpose: .schoolSupport, recipient: .organisation(school), dataClass: .educationAndActivity, from: today,
                                givenBy: .youngPerson, method: .paper, recordedAt: now),
                            for: person)
                    }
                }
                return (user, school)
            }
            guard let user = try await UserQueries(store: store).user(id: userID) else { throw ValidationError("the bench careers leader was not saved") }
            let scope = RecordScope.establishment(reach: ReachPolicy.standard.reach(of: schoolID, kind: .school, on: today), laCode: DemoAuthority.code)
            return (AccessGrant(user: user, scope: scope), chosen.count)
        }
    }
}
