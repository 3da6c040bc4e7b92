import Foundation
import Logging
import SQLKit
import Testing
import WaymarkApp
import WaymarkCore
import WaymarkRecords
import WaymarkStore
import WaymarkSynthetic
import WaymarkTestSupport

/// The risk-of-NEET indicator as stored and used, on both engines: school
/// facts with their provenance, the refresh writing one score a person whose
/// reasons add up, a school's list seen only by its own staff, a pupil put
/// on or taken off with a reason (kept, audited), and the settings with
/// their history.
@Suite struct RiskDeskTests {
    static let now = PortalFixture.now
    static var today: CalendarDate { PortalFixture.today }

    static func desk(_ store: Store) throws -> RiskDesk {
        AppServices(store: store, registry: DemoAuthority.registry, laCode: try DemoAuthority.laCode).risk
    }

    /// Nils (Year 11 at Millbrook) with low attendance, a suspension and free school meals, recorded by a school's import.
    static func recordNilsFacts(_ fixture: PortalFixture) async throws {
        try await fixture.store.change(by: .system("import:census.csv#2"), at: now) { tx in
            for fact in [
                SchoolFact(kind: .attendance, date: d("2026-07-20"), value: 82.4), SchoolFact(kind: .suspension, date: d("2026-10-02"), value: 2),
                SchoolFact(kind: .freeSchoolMeals, date: d("2021-09-06"), code: "eligible"),
                SchoolFact(kind: .senProvision, date: d("2022-09-05"), code: "K"),
            ] {
                try await tx.recordSchoolFact(fact, for: fixture.nils, organisationID: fixture.school)
            }
        }
    }

    @Test(arguments: TestDatabases.engines)
    func aSchoolSeesItsPupilsScoredWithReasonsThatAddUp(_ engine: DatabaseEngine) async throws {
        try await PortalFixture.run(engine) { fixture in
            try await Self.recordNilsFacts(fixture)
            let provenance = try #require(try await fixture.store.sql.select().columns("source", "recorded_at").from("school_fact")
                .where("person_id", .equal, fixture.nils).limit(1).first())
            #expect(try provenance.decode(column: "source", as: String.self) == "import:census.csv#2")

            let refresh = try await RiskRefresh(store: fixture.store, laCode: DemoAuthority.code).run(on: Self.today)
            #expect(refresh.scored == 5)
            #expect(refresh.listed == 1, "only Nils is in Years 9 to 11")

            let list = try await Self.desk(fixture.store).list(school: nil, for: fixture.schoolGrant, at: Self.now)
            #expect(list.entries.map(\.personID) == [fixture.nils])
            let nils = try #require(list.entries.first)
            #expect(nils.points == 2 + 1 + 2 + 1, "low attendance, persistent absence, exclusion, free school meals")
            #expect(nils.reasons.map(\.points).reduce(0, +) == nils.points)
            #expect(!nils.reasons.contains { $0.indicator == .specialEducationalNeeds }, "SEN is not the careers leader's to see")
            let stored = try #require(try await RiskScores(store: fixture.store).score(of: fixture.nils))
            #expect(stored.score.points == nils.points + 1, "the LA's score counts the SEN support the school's does not")
            #expect(nils.band == .high && nils.onList)
            #expect(nils.reasons.first?.evidence == "Attendance 82.4% (to 2026-07-20)")
            let audit = try await fixture.auditDetails("risk_list")
            #expect(audit.last?.contains("shown=\(fixture.nils)") == true)

            // Another school's careers leader cannot ask for this school's list; an adviser has no list at all.
            await #expect(throws: Refusal.self) {
                _ = try await Self.desk(fixture.store).list(school: fixture.school + 1, for: fixture.schoolGrant, at: Self.now)
            }
            await #expect(throws: AccessDenied.self) {
                _ = try await Self.desk(fixture.store).list(school: fixture.school, for: fixture.adviserGrant, at: Self.now)
            }
        }
    }

    @Test(arguments: TestDatabases.engines)
    func aSchoolTakesAPupilOffWithAReasonAndTheEarlierChangeIsKept(_ engine: DatabaseEngine) async throws {
        try await PortalFixture.run(engine) { fixture in
            try await Self.recordNilsFacts(fixture)
            _ = try await RiskRefresh(store: fixture.store, laCode: DemoAuthority.code).run(on: Self.today)
            let desk = try Self.desk(fixture.store)
            await #expect(throws: Refusal.self) { try await desk.change(.remove, person: fixture.nils, reason: "  ", for: fixture.schoolGrant, at: Self.now) }
            await #expect(throws: Refusal.self) {
                try await desk.change(.add, person: fixture.elsewhere, reason: "Not ours", for: fixture.schoolGrant, at: Self.now)
            }
            try await desk.change(.remove, person: fixture.nils, reason: "Attendance recovered this term", for: fixture.schoolGrant, at: Self.now)
            var list = try await desk.list(school: nil, for: fixture.schoolGrant, at: Self.now)
            #expect(list.entries.first?.onList == false)
            #expect(list.entries.first?.change?.reason == "Attendance recovered this term")
            try await desk.change(.add, person: fixture.nils, reason: "Back on: new concerns", for: fixture.schoolGrant, at: Self.now.addingTimeInterval(60))
            list = try await desk.list(school: nil, for: fixture.schoolGrant, at: Self.now)
            #expect(list.entries.first?.onList == true)
            let rows = try await fixture.store.sql.select().columns("action", "ended_at", "source").from("risk_list_change").orderBy("id").all()
            #expect(rows.count == 2)
            #expect(try rows[0].decode(column: "ended_at", as: String?.self) != nil, "the earlier change is ended, not deleted")
            #expect(try rows[1].decode(column: "source", as: String.self) == "portal:organisation=\(fixture.school)")
            let events = try await fixture.store.sql.select().column("detail").from("audit_event").where("entity", .equal, "risk_list_change")
                .all(decodingColumn: "detail", as: String?.self)
            #expect(events.count == 2 && events.allSatisfy { !($0 ?? "").contains("Attendance") }, "the reason stays out of the trail")
        }
    }

    @Test(arguments: TestDatabases.engines)
    func settingsAreSavedWithAReasonAndBadOnesAreRefused(_ engine: DatabaseEngine) async throws {
        try await TestDatabases.withFreshStore(engine) { store in
            let manager = try await store.change(by: .system("test"), at: Self.now) { tx in
                let la = try await tx.createOrganisation(NewOrganisation(kind: .localAuthority, name: DemoAuthority.name, laCode: DemoAuthority.code))
                return try await tx.createUser(NewUser(organisationID: la, email: "dm@example.org", displayName: "DM", role: .dataManager, passwordHash: "x"))
            }
            let grant = AccessGrant(user: try #require(try await UserQueries(store: store).user(id: manager)), scope: .authority(laCode: DemoAuthority.code))
            let desk = try Self.desk(store)
            #expect(try await desk.settings(for: grant).current == nil)
            var settings = RiskSettings.standard
            settings.highFrom = 2
            let refused = try await desk.save(settings, reason: "", for: grant, at: Self.now)
            #expect(Set(refused.map(\.field)) == ["highFrom", "reason"])
            settings.highFrom = 6
            settings.weights[.englishAdditionalLanguage] = 1
            #expect(try await desk.save(settings, reason: "Back-test shows EAL matters here", for: grant, at: Self.now).isEmpty)
            let view = try await desk.settings(for: grant)
            #expect(view.settings == settings)
            #expect(view.current?.reason == "Back-test shows EAL matters here")
            #expect(view.current?.recordedBy == manager)
            let record = try await desk.transparencyRecord(for: grant, at: Self.now)
            #expect(record.markdown.contains("| English as an additional language | A first language other than English reported by the school. | 1 |"))
            #expect(record.markdown.contains("high risk from 6 points"))
        }
    }

    @Test(arguments: TestDatabases.engines)
    func theRefreshAndBackTestOverAGeneratedLA(_ engine: DatabaseEngine) async throws {
        try await TestDatabases.withFreshStore(engine) { store in
            let configuration = SyntheticLAConfiguration(seed: 5, people: 1_500, referenceDate: Self.today)
            _ = try await DemoLoader(store: store, logger: Logger(label: "test")).load(SyntheticLA(configuration), now: Self.now)
            let refresh = try await RiskRefresh(store: store, laCode: DemoAuthority.code).run(on: Self.today)
            let people = try await store.sql.raw("SELECT COUNT(*) AS n FROM young_person WHERE merged_into IS NULL").first()?.decode(column: "n", as: Int.self)
            #expect(refresh.scored == people)
            #expect(try await RiskScores(store: store).count() == people)
            // Scoring again replaces, never adds.
            _ = try await RiskRefresh(store: store, laCode: DemoAuthority.code).run(on: Self.today)
            #expect(try await RiskScores(store: store).count() == people)
            let result = try await BackTestRun(store: store, laCode: DemoAuthority.code).run(on: Self.today)
            #expect(result.age16.overall.people > 300)
            let bands = result.age16.bands.map { $0.counts.rate ?? 0 }
            #expect(bands[0] < bands[2], "high-band pupils were NEET more often than low: \(bands)")
        }
    }
}
