import Foundation
import Testing
import WaymarkApp
import WaymarkCore
import WaymarkStore
import WaymarkTestSupport
import WaymarkRecords

/// The data-protection pages' use cases on both engines: only data managers,
/// newest first, paged, and each view audited.
@Suite struct AccessReviewTests {
    static let now = BreakGlassFixture.now

    @Test(arguments: TestDatabases.engines)
    func theReviewListsEveryBreakTheGlassNewestFirstAndIsAudited(_ engine: DatabaseEngine) async throws {
        try await TestDatabases.withFreshStore(engine) { store in
            let fixture = try await BreakGlassFixture.build(store)
            let desk = BreakGlassDesk(store: store)
            let first = try await desk.breakGlass(for: try fixture.grant(.trackingOfficer), person: fixture.onCaseload, reason: BreakGlassFixture.reason, at: Self.now)
            let second = try await desk.breakGlass(
                for: try fixture.grant(.manager), person: fixture.noAdviser, reason: "Mother rang: needs the phone number to reach her tonight",
                at: Self.now.addingTimeInterval(5 * 3600))

            let page = try await AccessReview(store: store).breakGlassAccesses(
                for: try fixture.grant(.dataManager), before: nil, at: Self.now.addingTimeInterval(5 * 3600))

            #expect(page.items.map(\.id) == [second.id, first.id])
            #expect(page.items.map(\.hasExpired) == [false, true])
            #expect(page.items[1].userName == "Tracking officer user" && page.items[1].userRole == "Tracking officer")
            #expect(page.items[1].reason == BreakGlassFixture.reason && page.items[1].adviserTold == "Personal adviser user")
            #expect(page.items[0].adviserTold == nil)
            #expect(page.older == nil)
            #expect(try await fixture.auditDetails(.view, entity: "break_glass_access") == ["break-glass review; newest; ids=\(second.id)..\(first.id); purpose=dataQuality"])
            let older = try await AccessReview(store: store).breakGlassAccesses(for: try fixture.grant(.dataManager), before: second.id, at: Self.now)
            #expect(older.items.map(\.id) == [first.id])
            for role in Role.allCases where role != .dataManager {
                await #expect(throws: AccessDenied.self, "\(role.rawValue)") {
                    try await AccessReview(store: store).breakGlassAccesses(for: try fixture.grant(role), before: nil, at: Self.now)
                }
            }
        }
    }

    @Test(arguments: TestDatabases.engines)
    func theAccessLogShowsEveryEventAboutThePersonPagedAndRecordsItsOwnViewing(_ engine: DatabaseEngine) async throws {
        try await TestDatabases.withFreshStore(engine) { store in
            let fixture = try await BreakGlassFixture.build(store)
            let officer = try #require(fixture.users[.trackingOfficer])
            try await store.change(by: .user(officer.id), at: Self.now) { tx in
                for _ in 0..<60 { try await tx.audit(.view, entity: "young_person", entityID: fixture.onCaseload, personID: fixture.onCaseload) }
                try await tx.audit(.view, entity: "young_person", entityID: fixture.noAdviser, personID: fixture.noAdviser)
            }
            let review = AccessReview(store: store)
            let manager = try fixture.grant(.dataManager)

            let first = try await review.accessLog(for: manager, person: fixture.onCaseload, before: nil, at: Self.now)
            let older = try #require(first.older)
            #expect(first.items.count == ReviewPage<AccessLogEntry>.size && older == first.items.last?.id)
            #expect(first.items.map(\.id) == first.items.map(\.id).sorted(by: >), "newest first")
            #expect(first.items[0].who == "Tracking officer user" && first.items[0].role == "Tracking officer" && first.items[0].action == "view")
            // reading the first page added an event to the trail; the second page still follows on without a repeat
            let second = try await review.accessLog(for: manager, person: fixture.onCaseload, before: older, at: Self.now)
            #expect(second.older == nil && second.before == older)
            #expect(second.items.count == 60 + 3 - ReviewPage<AccessLogEntry>.size, "60 views, the person's creation, characteristic and caseload")
            #expect(Set(first.items.map(\.id)).isDisjoint(with: second.items.map(\.id)))
            #expect(!(first.items + second.items).contains { $0.what == "young_person \(fixture.noAdviser)" }, "only this person's events")
            let own = try await fixture.auditEvents(about: fixture.onCaseload, action: .view).filter { $0.entity == "audit_event" }
            #expect(own.map(\.detail) == [
                "access log; before=\(older); ids=\(second.items.first!.id)..\(second.items.last!.id); purpose=dataQuality",
                "access log; newest; ids=\(first.items.first!.id)..\(first.items.last!.id); purpose=dataQuality",
            ])
            await #expect(throws: Refusal.self) { try await review.accessLog(for: manager, person: fixture.otherLA, before: nil, at: Self.now) }
            await #expect(throws: AccessDenied.self) {
                try await review.accessLog(for: try fixture.grant(.trackingOfficer), person: fixture.onCaseload, before: nil, at: Self.now)
            }
        }
    }
}
