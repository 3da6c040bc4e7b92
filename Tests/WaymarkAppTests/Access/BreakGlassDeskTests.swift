import Foundation
import Testing
import WaymarkApp
import WaymarkCore
import WaymarkStore
import WaymarkTestSupport
import WaymarkRecords

/// Break the glass on both engines: who may, what opens and for how long,
/// the reason, the adviser's notice and the audit trail.
@Suite struct BreakGlassDeskTests {
    static let now = BreakGlassFixture.now
    static let officerOpens: Set<SensitivityClass> = [.mentalHealth, .offending, .sexualHealthAndPregnancy, .substanceMisuse, .exploitation, .notes]

    @Test(arguments: TestDatabases.engines)
    func aTrackingOfficerOpensWhatTheirRoleWithholdsOnThatRecordForFourHours(_ engine: DatabaseEngine) async throws {
        try await TestDatabases.withFreshStore(engine) { store in
            // given
            let fixture = try await BreakGlassFixture.build(store)
            let officer = try fixture.grant(.trackingOfficer)
            let desk = BreakGlassDesk(store: store)
            #expect(try await desk.openedClasses(for: officer, person: fixture.onCaseload, at: Self.now).isEmpty)

            // when
            let opened = try await desk.breakGlass(for: officer, person: fixture.onCaseload, reason: BreakGlassFixture.reason, at: Self.now)

            // then
            #expect(Set(opened.classes) == Self.officerOpens)
            #expect(Set(opened.classes) == Set(SensitivityClass.allCases).subtracting(officer.visibleClasses))
            #expect(opened.until == Self.now.addingTimeInterval(4 * 3600))
            #expect(try await desk.openedClasses(for: officer, person: fixture.onCaseload, at: Self.now) == Self.officerOpens)
            #expect(try await desk.openedClasses(for: officer, person: fixture.onCaseload, at: Self.now.addingTimeInterval(4 * 3600 - 1)) == Self.officerOpens)
            #expect(try await desk.openedClasses(for: officer, person: fixture.onCaseload, at: Self.now.addingTimeInterval(4 * 3600)).isEmpty,
                    "an expired access opens nothing")
            #expect(try await desk.openedClasses(for: officer, person: fixture.noAdviser, at: Self.now).isEmpty, "only that one record")
            #expect(try await desk.openedClasses(for: try fixture.grant(.dataManager), person: fixture.onCaseload, at: Self.now).isEmpty,
                    "only for the worker who gave the reason")
            let stored = try #require(try await BreakGlassQueries(store: store).accesses(limit: 10).first)
            #expect(stored.reason == BreakGlassFixture.reason)
            #expect(stored.userID == officer.user.id && stored.personID == fixture.onCaseload)
            #expect(stored.grantedAt == Self.now && stored.expiresAt == opened.until)
        }
    }

    @Test(arguments: TestDatabases.engines)
    func theRecordShowsWhatWasOpenedUntilItExpires(_ engine: DatabaseEngine) async throws {
        try await TestDatabases.withFreshStore(engine) { store in
            let fixture = try await BreakGlassFixture.build(store)
            let officer = try fixture.grant(.trackingOfficer)
            func open(at instant: Date) async throws -> PersonRecord {
                let desk = PersonRecordDesk(store: store, registry: DemoAuthority.registry, classifier: ParticipationClassifier(), now: { instant })
                guard case .shown(let record) = try await desk.open(fixture.onCaseload, for: officer) else { throw CancellationError() }
                return record
            }
            let before = try await open(at: Self.now)
            #expect(before.person.characteristics.isEmpty && before.brokenGlass == nil && before.mayBreakGlass)

            let opened = try await BreakGlassDesk(store: store).breakGlass(for: officer, person: fixture.onCaseload, reason: BreakGlassFixture.reason, at: Self.now)

            let during = try await open(at: Self.now.addingTimeInterval(3600))
            #expect(during.person.characteristics.map(\.code) == [.mentalHealth])
            #expect(during.brokenGlass?.classes == Self.officerOpens && during.brokenGlass?.until == opened.until)
            #expect(during.withheld.isEmpty && !during.mayBreakGlass)
            let views = try await fixture.auditEvents(about: fixture.onCaseload, action: .view).filter { $0.entity == "young_person" }
            #expect(views.first?.detail?.contains("break-glass=mentalHealth") == true, "the view says what break-the-glass opened")
            let after = try await open(at: opened.until)
            #expect(after.person.characteristics.isEmpty && after.brokenGlass == nil, "an expired access opens nothing")
            #expect(!before.mayReviewAccess)
        }
    }

    @Test(arguments: TestDatabases.engines)
    func theDurationIsThePolicysAndTheAuditEventHoldsNoReasonText(_ engine: DatabaseEngine) async throws {
        try await TestDatabases.withFreshStore(engine) { store in
            let fixture = try await BreakGlassFixture.build(store)
            let desk = BreakGlassDesk(store: store, policy: try BreakGlassPolicy(hours: 1))
            let opened = try await desk.breakGlass(for: try fixture.grant(.manager), person: fixture.onCaseload, reason: BreakGlassFixture.reason, at: Self.now)

            #expect(opened.until == Self.now.addingTimeInterval(3600))
            #expect(opened.classes.contains(.contact), "a manager does not normally see how to reach the young person")
            let event = try #require(try await fixture.auditEvents(about: fixture.onCaseload, action: .breakGlass).first)
            #expect(event.entity == "break_glass_access" && event.entityID == opened.id)
            let detail = try #require(event.detail)
            #expect(detail.contains("minutes=60"))
            #expect(detail.contains("reason-characters=\(BreakGlassFixture.reason.count)"))
            #expect(detail.contains("told=user:\(fixture.users[.personalAdviser]!.id)"))
            #expect(!detail.contains("Police") && !detail.contains("missing"), "the reason may describe the young person; the trail cannot be erased")
        }
    }

    @Test(arguments: TestDatabases.engines)
    func theYoungPersonsAdviserIsToldOnTheirHomePage(_ engine: DatabaseEngine) async throws {
        try await TestDatabases.withFreshStore(engine) { store in
            let fixture = try await BreakGlassFixture.build(store)
            let adviser = try fixture.grant(.personalAdviser)
            let notices = AdviserNotices(store: store)
            #expect(try await notices.recent(for: adviser, at: Self.now).isEmpty)

            let opened = try await BreakGlassDesk(store: store).breakGlass(
                for: try fixture.grant(.trackingOfficer), person: fixture.onCaseload, reason: BreakGlassFixture.reason, at: Self.now)

            #expect(opened.adviserTold == "Personal adviser user")
            let notice = try #require(try await notices.recent(for: adviser, at: Self.now.addingTimeInterval(60)).first)
            #expect(notice.personID == fixture.onCaseload && notice.personName == "Amara Okafor")
            #expect(notice.userName == "Tracking officer user" && notice.userRole == "Tracking officer")
            #expect(notice.reason == BreakGlassFixture.reason)
            #expect(Set(notice.classes) == Self.officerOpens && !notice.hasExpired)
            #expect(try await notices.recent(for: try fixture.grant(.dataManager), at: Self.now).isEmpty, "told to the adviser only")
            let views = try await fixture.auditEvents(about: fixture.onCaseload, action: .view)
            #expect(views.contains { $0.detail == "notice; purpose=casework" && $0.userName == "Personal adviser user" }, "showing the notice is a view of the record")
            #expect(try await notices.recent(for: adviser, at: Self.now.addingTimeInterval(AdviserNotices.window + 1)).isEmpty, "old notices leave the home page")
        }
    }

    @Test(arguments: TestDatabases.engines)
    func withNoAdviserNobodyIsToldAndTheTrailSaysSo(_ engine: DatabaseEngine) async throws {
        try await TestDatabases.withFreshStore(engine) { store in
            let fixture = try await BreakGlassFixture.build(store)
            let opened = try await BreakGlassDesk(store: store).breakGlass(
                for: try fixture.grant(.trackingOfficer), person: fixture.noAdviser, reason: BreakGlassFixture.reason, at: Self.now)

            #expect(opened.adviserTold == nil)
            #expect(try await AdviserNotices(store: store).recent(for: try fixture.grant(.personalAdviser), at: Self.now).isEmpty)
            let event = try #require(try await fixture.auditEvents(about: fixture.noAdviser, action: .breakGlass).first)
            #expect(event.detail?.contains("told=nobody") == true)
        }
    }

    @Test(arguments: TestDatabases.engines)
    func rolesThatMayNotBreakTheGlassAreRefusedAndNothingIsStored(_ engine: DatabaseEngine) async throws {
        try await TestDatabases.withFreshStore(engine) { store in
            let fixture = try await BreakGlassFixture.build(store)
            let desk = BreakGlassDesk(store: store)
            for role in [Role.careersLeader, .administrator] {
                await #expect(throws: Refusal.forbidden("Your role (\(role.displayName)) cannot break the glass. Ask a colleague in the local authority's team."), "\(role.rawValue)") {
                    try await desk.breakGlass(for: try fixture.grant(role), person: fixture.onCaseload, reason: BreakGlassFixture.reason, at: Self.now)
                }
                await #expect(throws: Refusal.self) { try await desk.offer(for: try fixture.grant(role), person: fixture.onCaseload, at: Self.now) }
            }
            await #expect(throws: Refusal.notFound("There is no young person with that id in the records you can see.")) {
                try await desk.breakGlass(for: try fixture.grant(.trackingOfficer), person: fixture.otherLA, reason: BreakGlassFixture.reason, at: Self.now)
            }
            await #expect(throws: Refusal.conflict("Your role already shows everything on this record; there is nothing to open."), "an adviser already sees everything") {
                try await desk.breakGlass(for: try fixture.grant(.personalAdviser), person: fixture.onCaseload, reason: BreakGlassFixture.reason, at: Self.now)
            }
            #expect(try await BreakGlassQueries(store: store).accesses(limit: 10).isEmpty)
            #expect(try await fixture.auditEvents(about: fixture.onCaseload, action: .breakGlass).isEmpty)
        }
    }

    @Test(arguments: TestDatabases.engines)
    func aReasonOfAtLeastASentenceIsRequired(_ engine: DatabaseEngine) async throws {
        try await TestDatabases.withFreshStore(engine) { store in
            let fixture = try await BreakGlassFixture.build(store)
            let desk = BreakGlassDesk(store: store)
            let officer = try fixture.grant(.trackingOfficer)
            for (typed, problem) in [(nil, BreakGlassReasonProblem.missing), ("  \n ", .missing), ("urgent", .tooShort), ("safeguarding concern!!!!!", .tooShort)] {
                await #expect(throws: problem, "\(typed ?? "nil")") {
                    try await desk.breakGlass(for: officer, person: fixture.onCaseload, reason: typed, at: Self.now)
                }
            }
            #expect(try await BreakGlassQueries(store: store).accesses(limit: 10).isEmpty)
            #expect(try await desk.openedClasses(for: officer, person: fixture.onCaseload, at: Self.now).isEmpty)
        }
    }

    @Test(arguments: TestDatabases.engines)
    func theOfferSaysWhatWillOpenAndWhoWillBeTold(_ engine: DatabaseEngine) async throws {
        try await TestDatabases.withFreshStore(engine) { store in
            let fixture = try await BreakGlassFixture.build(store)
            let desk = BreakGlassDesk(store: store)
            let officer = try fixture.grant(.trackingOfficer)
            let before = try await desk.offer(for: officer, person: fixture.onCaseload, at: Self.now)
            #expect(Set(before.classes) == Self.officerOpens && before.hours == 4)
            #expect(before.personName == "Amara Okafor" && before.adviserToTell == "Personal adviser user" && before.openUntil == nil)

            let opened = try await desk.breakGlass(for: officer, person: fixture.onCaseload, reason: BreakGlassFixture.reason, at: Self.now)
            #expect(try await desk.offer(for: officer, person: fixture.onCaseload, at: Self.now).openUntil == opened.until)
            #expect(try await desk.opened(opened.id, for: officer, person: fixture.onCaseload) == opened)
            #expect(try await desk.opened(opened.id, for: try fixture.grant(.dataManager), person: fixture.onCaseload) == nil, "nobody else's confirmation")
        }
    }
}
