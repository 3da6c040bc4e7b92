import ArgumentParser
import Foundation
import Logging
import SQLKit
import WaymarkApp
import WaymarkCore
import WaymarkMatching
import WaymarkRecords
import WaymarkStore

extension Bench {
    /// Person search against an existing database, with queries made from
    /// stored people: names with a typo or a nickname, dates of birth,
    /// postcodes, and names with dates of birth. Prints timings and how often
    /// the intended person is in the top ten.
    struct Search: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Time person search and record opening on an existing database (e.g. after `waymark demo --people 250000`).")

        @OptionGroup var storage: StorageOptions

        @Option(help: "Queries of each kind.")
        var queries = 500

        @Option(help: "Seed for picking people and typos.")
        var seed: UInt64 = 7

        func run() async throws {
            let logger = CommandLogging.logger("bench", level: .warning)
            let location = try storage.installation().location
            try await storage.withStore(logger: logger) { store in
                let la = try await Self.authority(store)
                let scope = RecordScope.authority(laCode: la)
                var random = BenchRandom(seed: seed)
                let people = try await BenchPerson.sample(store, count: queries, la: la, random: &random)
                guard !people.isEmpty else { throw ValidationError("The database holds no young people; run `waymark demo` first.") }
                let today = CalendarDate.today(from: Date())
                let search = PersonSearch(store: store)
                var rows: [(String, Timings)] = []
                for kind in BenchQueryKind.allCases {
                    var timings = Timings()
                    for (index, person) in people.enumerated() {
                        let text = kind.query(for: person, random: &random)
                        let started = ContinuousClock.now
                        let outcome = try? await search.search(text, in: scope, today: today)
                        let elapsed = ContinuousClock.now - started
                        if index < 10 { continue }  // warm-up: the first queries fill SQLite's page cache
                        timings.add(elapsed, outcome: outcome?.results ?? [], intended: person)
                    }
                    rows.append((kind.rawValue, timings))
                }
                rows.append(("open record", try await Self.openRecords(people, store: store, la: la)))
                rows.append(("consent", try await Self.consentChecks(people, store: store)))
                Self.print(rows, location: "\(location)", people: try await Self.count(store), queries: people.count - 10)
            }
        }

        /// What the record page loads (see PersonController), timed per person.
        static func openRecords(_ people: [BenchPerson], store: Store, la: String) async throws -> Timings {
            let reader = PersonBundleReader(store: store, registry: DemoAuthority.registry)
            let casework = CaseworkQueries(store: store)
            var timings = Timings()
            for (index, sample) in people.enumerated() {
                let started = ContinuousClock.now
                // The activities come with the person, as the record page reads them (PersonRecordDesk).
                _ = try await reader.personWithStoredActivities(sample.id, responsibleLA: la)
                async let contacts = casework.contacts(of: sample.id)
                async let details = casework.contactDetails(of: sample.id)
                _ = try await (contacts, details)
                if index >= 10 { timings.add(ContinuousClock.now - started) }
            }
            return timings
        }

        /// What the sharing decision adds when a school opens a record through the portal (SharingDesk,
        /// as a school user's record page asks it): the flow, the person's provisions and overrides, every class.
        static func consentChecks(_ people: [BenchPerson], store: Store) async throws -> Timings {
            let school = try await OrganisationQueries(store: store).all().first { $0.kind == .school }
            let desk = SharingDesk(store: store)
            let classes = SensitivityClass.allCases.filter { $0 != .identity }
            var timings = Timings()
            for (index, sample) in people.enumerated() {
                let started = ContinuousClock.now
                _ = try await desk.decide(person: sample.id, flowKey: DataFlowDefaults.Key.schoolPortal, recipient: school, classes: classes, at: Date())
                if index >= 10 { timings.add(ContinuousClock.now - started) }
            }
            return timings
        }

        static func authority(_ store: Store) async throws -> String {
            let row = try await store.sql.raw("SELECT responsible_la FROM young_person ORDER BY id LIMIT 1").first()
            return try row?.decode(column: "responsible_la", as: String.self) ?? DemoAuthority.code
        }

        static func count(_ store: Store) async throws -> Int {
            try await store.sql.raw("SELECT COUNT(*) AS n FROM young_person").first()?.decode(column: "n", as: Int.self) ?? 0
        }

        static func print(_ rows: [(String, Timings)], location: String, people: Int, queries: Int) {
            Swift.print("bench search: \(location), \(people) people, \(queries) timed queries per kind")
            Swift.print("  kind           p50 ms   p95 ms   max ms   top-10 hit   top result has the name")
            for (kind, timings) in rows {
                var hits = timings.outcomes > 0 ? String(format: "%9.1f%%", timings.hitRate * 100) : ""
                if kind == BenchQueryKind.name.rawValue || kind == BenchQueryKind.mixed.rawValue {
                    hits += String(format: "   %9.1f%%", timings.nameRate * 100)
                }
                let name = kind.padding(toLength: 12, withPad: " ", startingAt: 0)
                Swift.print(
                    "  \(name) " + String(format: "%8.2f %8.2f %8.2f   ", timings.percentile(0.5), timings.percentile(0.95), timings.percentile(1)) + hits)
            }
        }
    }
}

/// Timings in milliseconds and how often the intended person was found.
struct Timings {
    var milliseconds: [Double] = []
    var outcomes = 0
    var hits = 0
    var nameHits = 0

    var hitRate: Double { outcomes > 0 ? Double(hits) / Double(outcomes) : 0 }
    var nameRate: Double { outcomes > 0 ? Double(nameHits) / Double(outcomes) : 0 }

    mutating func add(_ elapsed: Duration) {
        milliseconds.append(Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15)
    }

    /// A hit is the intended person in the top ten. The synthetic LA has a few
    /// dozen given and family names, so a name alone has dozens of exact
    /// namesakes no name search can tell apart; for name searches the second
    /// figure says whether the top result carries the intended given and
    /// family name despite the typo or nickname.
    mutating func add(_ elapsed: Duration, outcome: [PersonSearchResult], intended: BenchPerson) {
        add(elapsed)
        outcomes += 1
        if outcome.prefix(10).contains(where: { $0.id == intended.id }) { hits += 1 }
        if let top = outcome.first, NameNormaliser.tokens(top.name).sameName(as: intended) { nameHits += 1 }
    }

    func percentile(_ p: Double) -> Double {
        guard !milliseconds.isEmpty else { return 0 }
        let sorted = milliseconds.sorted()
        return sorted[min(sorted.count - 1, Int((Double(sorted.count - 1) * p).rounded()))]
    }
}

extension [String] {
    /// The same first given name and family name, whatever the middle names.
    fileprivate func sameName(as person: BenchPerson) -> Bool {
        let given = NameNormaliser.tokens(person.givenName), family = NameNormaliser.tokens(person.familyName)
        return first == given.first && Array(suffix(family.count)) == family
    }
}
