import Foundation
import SQLKit
import Testing
import WaymarkApp
import WaymarkCore
import WaymarkFormats
import WaymarkRecords
import WaymarkStore
import WaymarkTestSupport

/// Assessments through the gate: instruments are data, a completed one is
/// refused any change, casework classes decide who sees them, and the young
/// person's own view is held apart. Both engines.
@Suite struct AssessmentDeskTests {
    static let now = BreakGlassFixture.now

    /// An LA's own instrument, as a file it would load.
    static let wellbeing = """
        {"key": "wellbeing-check", "version": 1, "title": "Wellbeing check", "description": "A short check.", "reviewIntervalWeeks": 6,
         "higherIsBetter": true, "needPoints": [1],
         "scale": [{"value": 1, "label": "Low", "descriptor": "Struggling most days"}, {"value": 2, "label": "Middle", "descriptor": "Getting by"},
                   {"value": 3, "label": "High", "descriptor": "Doing well"}],
         "groups": [{"key": "self", "title": "Self", "areas": [
            {"key": "sleep", "title": "Sleep", "question": "How do you sleep?"},
            {"key": "mood", "title": "Mood", "question": "How do you feel?"},
            {"key": "friends", "title": "Friends", "question": "Who do you see?"}]}]}
        """

    static func allRated(_ instrument: Instrument, _ value: Int) -> [String: Int] {
        Dictionary(uniqueKeysWithValues: instrument.areas.map { ($0.key, value) })
    }

    @Test func bothShippedInstrumentsLoadFromTheirJSON() throws {
        let shipped = InstrumentCatalogue.shipped
        #expect(shipped.map(\.key) == ["needs-assessment", "eet-readiness"])
        let needs = try #require(shipped.first)
        #expect(needs.groups.map(\.title) == ["Personal", "Family and environment", "Education and work"])
        #expect(needs.scale.map(\.label) == ["Strength", "No difficulty", "Some difficulty", "Serious difficulty", "Complex difficulty"])
        #expect(needs.scale.allSatisfy { !$0.descriptor.isEmpty } && !needs.higherIsBetter)
        #expect(shipped[1].higherIsBetter && shipped[1].scale.count == 5)
    }

    @Test(arguments: TestDatabases.engines)
    func anLAsInstrumentIsLoadedFromDataOrRefusedNamingTheField(_ engine: DatabaseEngine) async throws {
        try await TestDatabases.withFreshStore(engine) { store in
            let catalogue = InstrumentCatalogue(store: store)
            let data = Data(Self.wellbeing.utf8)
            let loaded = try await catalogue.load(data, at: Self.now).get()
            #expect(loaded.reference == InstrumentReference(key: "wellbeing-check", version: 1))
            #expect(try await catalogue.current().map(\.key).contains("wellbeing-check"))
            guard case .failure(let again) = try await catalogue.load(data, at: Self.now) else {
                Issue.record("the same version loaded twice")
                return
            }
            #expect(again.problems.first?.field == "version")
            let broken = String(decoding: data, as: UTF8.self).replacingOccurrences(of: "\"reviewIntervalWeeks\": 6", with: "\"reviewIntervalWeeks\": 0")
                .replacingOccurrences(of: "\"version\": 1", with: "\"version\": 2")
            guard case .failure(let refused) = try await catalogue.load(Data(broken.utf8), at: Self.now) else {
                Issue.record("a broken instrument loaded")
                return
            }
            #expect(refused.problems == [InstrumentProblem(field: "reviewIntervalWeeks", rule: "must be between 1 and 104 weeks")])
            #expect(try await catalogue.all().filter { $0.key == "wellbeing-check" }.count == 1, "nothing half-loaded")
            let audit = try await store.sql.select().column("detail").from("audit_event").where("entity", .equal, "assessment_instrument")
                .all(decodingColumn: "detail", as: String?.self)
            #expect(audit == ["instrument=wellbeing-check v1"])
        }
    }

    @Test(arguments: TestDatabases.engines)
    func aCompletedAssessmentOrReviewCannotBeChangedThroughTheDesk(_ engine: DatabaseEngine) async throws {
        try await TestDatabases.withFreshStore(engine) { store in
            let fixture = try await BreakGlassFixture.build(store)
            let services = AppServices(store: store, registry: DemoAuthority.registry, laCode: try DemoAuthority.laCode)
            let desk = services.assessments
            let record = try await services.casework.forChange(fixture.onCaseload, for: try fixture.grant(.personalAdviser))
            let needs = try #require(InstrumentCatalogue.shipped.first)

            let first = try await desk.start("needs-assessment", on: record, at: Self.now)
            #expect(try await desk.start("needs-assessment", on: record, at: Self.now) == first, "an open draft is carried on, not doubled")
            await #expect(throws: Refusal.self, "every area must be rated to complete") {
                try await desk.save(first, ratings: ["housing": 3], summary: nil, complete: true, on: record, at: Self.now)
            }
            try await desk.save(first, ratings: Self.allRated(needs, 4), summary: "Housing first", complete: true, on: record, at: Self.now)
            await #expect(throws: Refusal.conflict("This assessment was completed and is kept exactly as it was. To record a change, start a review.")) {
                try await desk.save(first, ratings: Self.allRated(needs, 1), summary: nil, complete: false, on: record, at: Self.now)
            }
            let review = try await desk.start("needs-assessment", on: record, at: Self.now + 86_400 * 91)
            try await desk.save(review, ratings: Self.allRated(needs, 2), summary: nil, complete: true, on: record, at: Self.now + 86_400 * 91)
            await #expect(throws: Refusal.self, "nor a completed review") {
                try await desk.save(review, ratings: Self.allRated(needs, 5), summary: nil, complete: true, on: record, at: Self.now + 86_400 * 92)
            }
            let view = try await desk.assessments(of: fixture.onCaseload, for: try fixture.grant(.personalAdviser), at: Self.now)
            #expect(view.completed("needs-assessment").map(\.kind) == [.assessment, .review])
            #expect(view.completed("needs-assessment").map { $0.ratings["housing"] } == [4, 2], "each kept as completed")
            #expect(try await fixture.auditDetails(.view, entity: "assessment").last == "assessments; shown=\(first),\(review); purpose=casework")
        }
    }

    @Test(arguments: TestDatabases.engines)
    func managersReadAssessmentsAndSchoolsAndTrackingOfficersDoNot(_ engine: DatabaseEngine) async throws {
        try await TestDatabases.withFreshStore(engine) { store in
            let fixture = try await BreakGlassFixture.build(store)
            let services = AppServices(store: store, registry: DemoAuthority.registry, laCode: try DemoAuthority.laCode)
            let record = try await services.casework.forChange(fixture.onCaseload, for: try fixture.grant(.personalAdviser))
            let first = try await services.assessments.start("eet-readiness", on: record, at: Self.now)
            _ = try await services.assessments.assessments(of: fixture.onCaseload, for: try fixture.grant(.manager), at: Self.now)
            // The record page reads them only for those who see notes (a school is refused the whole route: PermissionMatrixTests).
            let records = services.records(now: { Self.now })
            for (role, expected) in [(Role.manager, [first]), (.dataManager, []), (.trackingOfficer, [])] {
                guard case .shown(let opened) = try await records.open(fixture.onCaseload, for: try fixture.grant(role)) else {
                    Issue.record("\(role) could not open the record")
                    continue
                }
                #expect(opened.assessments.map(\.id) == expected, "\(role)")
                #expect((opened.plan != nil) == (role == .manager), "\(role)")
            }
            for role in [Role.trackingOfficer, .dataManager] {
                await #expect(throws: Refusal.self, "\(role) does not see casework notes") {
                    try await services.assessments.assessments(of: fixture.onCaseload, for: try fixture.grant(role), at: Self.now)
                }
            }
            await #expect(throws: (any Error).self, "a careers leader neither") {
                try await services.actionPlans.plan(of: fixture.onCaseload, for: try fixture.grant(.careersLeader), at: Self.now)
            }
            await #expect(throws: Refusal.self, "a manager reads but records no casework") {
                try await services.casework.forChange(fixture.onCaseload, for: try fixture.grant(.manager))
            }
        }
    }
}
