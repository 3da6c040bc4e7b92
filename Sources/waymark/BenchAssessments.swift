import ArgumentParser
import Foundation
import Logging
import SQLKit
import WaymarkApp
import WaymarkCore
import WaymarkRecords
import WaymarkStore

extension Bench {
    /// The record page with assessments and a plan: a demo LA whose every
    /// fifth young person has an assessment and a review, then two people on
    /// the demo adviser's caseload, one with nothing and one with an
    /// assessment, five reviews and a plan. Times the use case the record
    /// page calls (view audit included) for both, alternately, so a record
    /// with five reviews can be seen to open as fast as one with none.
    struct Assessments: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Time opening a record with five assessment reviews and a plan against one with none (the record page's use case).")

        @Option(help: "Young people in the synthetic LA.")
        var people = 20_000

        @Option(help: "Timed openings of each record.")
        var requests = 300

        @Option(help: "Generator seed.")
        var seed: UInt64 = 1

        @Option(help: "A postgres:// URL to load into (the schema must be empty); default: a new SQLite file in a temporary directory.")
        var database: String?

        func run() async throws {
            let directory = FileManager.default.temporaryDirectory.appendingPathComponent("waymark-bench-assessments-\(UUID().uuidString)").path
            defer { if database == nil { try? FileManager.default.removeItem(atPath: directory) } }
            let installation = try Installation(databaseURL: database, dataDirectory: directory)
            let logger = CommandLogging.logger("bench", level: .warning)
            let store = try await installation.open(logger: logger)
            let now = Date()
            _ = try await DemoSetup(store: store, logger: logger, passwordCost: 4).run(people: people, seed: seed, now: now)
            guard let adviser = try await UserQueries(store: store).user(email: "personal-adviser@northmere.example") else {
                throw ValidationError("the demo adviser was not created")
            }
            let la = try DemoAuthority.laCode
            let grant = AccessGrant(user: adviser, scope: .authority(laCode: la.code))
            let caseload = try await CaseloadQueries(store: store).members(of: adviser.id, in: grant.scope)
            guard caseload.count >= 2 else { throw ValidationError("the demo adviser's caseload has fewer than two people") }
            let (none, five) = (caseload[0].id, caseload[1].id)
            guard let instrument = InstrumentCatalogue.shipped.first else { throw ValidationError("no shipped instrument") }
            let background = try await Self.background(store: store, instrument: instrument, now: now)
            try await Self.fiveReviews(of: five, instrument: instrument, store: store, adviser: adviser.id, now: now)
            try await store.database.refreshStatistics(full: true)
            let desk = AppServices(store: store, registry: DemoAuthority.registry, laCode: la).records(now: { Date() })
            var timings = [Timings(), Timings()]
            for index in 0..<(requests + 10) {
                for (slot, person) in [none, five].enumerated() {
                    let started = ContinuousClock.now
                    guard case .shown(let record) = try await desk.open(person, for: grant) else { throw ValidationError("record \(person) did not open") }
                    let elapsed = ContinuousClock.now - started
                    if slot == 1, record.assessments.count != 6 { throw ValidationError("the record read \(record.assessments.count) assessments, not 6") }
                    if index >= 10 { timings[slot].add(elapsed) }  // warm-up
                }
            }
            try await store.database.close()
            print("bench assessments: \(installation.location), \(people) people, \(background) with an assessment and a review")
            print("  record                          p50 ms   p95 ms   p99 ms   max ms   requests")
            for (name, figures) in [("no assessments", timings[0]), ("assessment + 5 reviews, plan", timings[1])] {
                print("  " + name.padding(toLength: 30, withPad: " ", startingAt: 0)
                    + String(format: "%8.2f %8.2f %8.2f %8.2f   %d", figures.percentile(0.5), figures.percentile(0.95), figures.percentile(0.99),
                             figures.percentile(1), figures.milliseconds.count))
            }
            print("  expect: the two p50s within a millisecond or so (two reads for assessments, three for the plan, whatever their number)")
        }

        /// Every fifth young person gets a completed assessment and a review, so the tables are not empty around the two timed.
        static func background(store: Store, instrument: Instrument, now: Date) async throws -> Int {
            let ids = try await store.sql.select().column("id").from("young_person").orderBy("id").all(decodingColumn: "id", as: Int64.self)
            let chosen = ids.enumerated().filter { $0.offset % 5 == 4 }.map(\.element)
            for chunk in chosen.chunked(into: 200) {
                try await store.change(by: .system("bench"), at: now) { tx in
                    for (position, person) in chunk.enumerated() {
                        for (round, kind) in [AssessmentKind.assessment, .review].enumerated() {
                            let id = try await tx.startAssessment(
                                of: person, with: instrument.reference, kind: kind, rater: .adviser, on: CalendarDate.today(from: now).adding(days: -90 + round * 84))
                            try await tx.saveDraftRatings(ratings(instrument, Int(person) + position + round), summary: nil, of: id, for: person)
                            try await tx.completeAssessment(id, for: person)
                        }
                    }
                }
            }
            return chosen.count
        }

        static func fiveReviews(of person: Int64, instrument: Instrument, store: Store, adviser: Int64, now: Date) async throws {
            let today = CalendarDate.today(from: now)
            try await store.change(by: .user(adviser), at: now) { tx in
                for round in 0..<6 {
                    let id = try await tx.startAssessment(
                        of: person, with: instrument.reference, kind: round == 0 ? .assessment : .review, rater: .adviser, on: today.adding(days: -84 * (5 - round)))
                    try await tx.saveDraftRatings(ratings(instrument, round), summary: "Round \(round)", of: id, for: person)
                    try await tx.completeAssessment(id, for: person)
                }
                try await tx.schedulePlan(of: person, intervalWeeks: 12, on: today)
                for goal in 0..<3 {
                    let goalID = try await tx.addGoal(NewGoal(title: "Goal \(goal)", need: GoalNeed(assessmentID: nil, areaKey: nil, text: "Need \(goal)"), adviserNote: nil), for: person)
                    for step in 0..<2 {
                        _ = try await tx.addStep(
                            NewStep(description: "Step \(step)", owner: step == 0 ? .youngPerson : .adviser, dueOn: today.adding(days: 14), adviserNote: nil),
                            toGoal: goalID, for: person)
                    }
                }
            }
        }

        static func ratings(_ instrument: Instrument, _ seed: Int) -> [String: Int] {
            var ratings: [String: Int] = [:]
            for (index, area) in instrument.areas.enumerated() {
                ratings[area.key] = instrument.lowest + (seed + index) % instrument.scale.count
            }
            return ratings
        }
    }
}
