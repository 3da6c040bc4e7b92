import Foundation
import SQLKit
import Testing
import WaymarkApp
import WaymarkCore
import WaymarkRecords
import WaymarkStore
import WaymarkTestSupport

/// Sharing through the one door: a deny stops a share, withdrawal takes
/// effect at once, an override needs the permission and a reason and ends
/// by itself, and a school sees the record without what was refused. Both engines.
@Suite struct SharingDeskTests {
    static let now = ConsentFixture.now

    func schoolSees(_ fixture: ConsentFixture, at now: Date = now) async throws -> PersonRecord {
        let desk = PersonRecordDesk(store: fixture.store, registry: DemoAuthority.registry, classifier: ParticipationClassifier(), now: { now })
        guard case .shown(let record) = try await desk.open(fixture.person, for: try fixture.grant(.careersLeader)) else {
            throw Refusal.notFound("the school does not reach the young person")
        }
        return record
    }

    @Test(arguments: TestDatabases.engines)
    func aDenyStopsTheShareAndTheSchoolIsToldWhyAndWithdrawalTakesEffectAtOnce(_ engine: DatabaseEngine) async throws {
        try await ConsentFixture.run(engine) { fixture in
            let before = try await schoolSees(fixture)
            #expect(before.shows(.currentActivity))
            #expect(before.consentRefused.isEmpty)
            let consent = ConsentDesk(store: fixture.store)
            let adviser = try fixture.grant(.personalAdviser)
            let id = try await consent.record(
                fixture.deny(.currentActivity, recipient: .organisation(fixture.school)), for: adviser, person: fixture.person, at: Self.now)
            let after = try await schoolSees(fixture, at: Self.now + 1)
            #expect(!after.shows(.currentActivity))
            #expect(after.currentActivity == nil && after.state == nil, "neither the activity nor the state computed from it leaves")
            #expect(after.consentRefused == [RefusedShare(dataClass: .currentActivity, reason: "The young person has asked that this is not shared.")])
            #expect(!after.withheld.contains(.currentActivity), "listed once, with its reason, not as restricted for the role")
            let view = try #require(try await fixture.base.auditDetails(.view, entity: "young_person").last ?? nil)
            #expect(view.contains("flow=school-portal; refused=currentActivity"))

            try await consent.withdraw(id, for: adviser, person: fixture.person, at: Self.now + 2)
            #expect(try await schoolSees(fixture, at: Self.now + 2).shows(.currentActivity), "withdrawn from the same instant")
            await #expect(throws: Refusal.self) { try await consent.withdraw(id, for: adviser, person: fixture.person, at: Self.now + 3) }
        }
    }

    @Test(arguments: TestDatabases.engines)
    func aShareWithoutAFlowHasNoBasisAndAClassNeedingConsentNeedsAPermit(_ engine: DatabaseEngine) async throws {
        try await ConsentFixture.run(engine) { fixture in
            let sharing = SharingDesk(store: fixture.store)
            let school = try #require(try await OrganisationQueries(store: fixture.store).organisation(id: fixture.school))
            let none = try await sharing.decide(person: fixture.person, flowKey: "no-such-flow", recipient: school, classes: [.identity], at: Self.now)
            #expect(none[.identity] == .refused(.noFlow))
            let portal = try await sharing.decide(
                person: fixture.person, flowKey: DataFlowDefaults.Key.schoolPortal, recipient: school, classes: [.educationAndActivity, .mentalHealth], at: Self.now)
            #expect(portal[.educationAndActivity] == .refused(.noConsent(flow: "School and college portal")))
            #expect(portal[.mentalHealth] == .refused(.notCarried(flow: "School and college portal")))
        }
    }

    @Test(arguments: TestDatabases.engines)
    func anOverrideNeedsThePermissionAndAReasonIsAuditedAndEndsByItself(_ engine: DatabaseEngine) async throws {
        try await ConsentFixture.run(engine) { fixture in
            let consent = ConsentDesk(store: fixture.store)
            _ = try await consent.record(
                fixture.deny(nil, recipient: .kind(.school)), for: try fixture.grant(.trackingOfficer), person: fixture.person, at: Self.now)
            #expect(!(try await schoolSees(fixture)).shows(.currentActivity))
            let sharing = SharingDesk(store: fixture.store, policy: ShareOverridePolicy(hours: 2))
            let flow = DataFlowDefaults.Key.schoolPortal
            await #expect(throws: AccessDenied.self) {
                _ = try await sharing.override(
                    for: try fixture.grant(.trackingOfficer), person: fixture.person, flowKey: flow, recipientID: fixture.school, classes: [.currentActivity],
                    reason: BreakGlassFixture.reason, at: Self.now)
            }
            let manager = try fixture.grant(.dataManager)
            for reason in [nil, "", "urgent"] as [String?] {
                await #expect(throws: Refusal.self) {
                    _ = try await sharing.override(
                        for: manager, person: fixture.person, flowKey: flow, recipientID: fixture.school, classes: [.currentActivity], reason: reason, at: Self.now)
                }
            }
            await #expect(throws: Refusal.invalid("The School and college portal flow does not carry Mental health: an override cannot give it a legal basis.")) {
                _ = try await sharing.override(
                    for: manager, person: fixture.person, flowKey: flow, recipientID: fixture.school, classes: [.mentalHealth], reason: BreakGlassFixture.reason,
                    at: Self.now)
            }
            #expect(try await fixture.base.auditDetails(.create, entity: "share_override").isEmpty, "nothing refused was recorded")
            let override = try await sharing.override(
                for: manager, person: fixture.person, flowKey: flow, recipientID: fixture.school, classes: [.currentActivity], reason: BreakGlassFixture.reason,
                at: Self.now)
            #expect(override.expiresAt == Self.now + 2 * 3600)
            #expect(try await schoolSees(fixture, at: Self.now + 60).shows(.currentActivity))
            #expect(!(try await schoolSees(fixture, at: override.expiresAt)).shows(.currentActivity), "it ends by itself")
            let audit = try await fixture.base.auditDetails(.create, entity: "share_override")
            #expect(audit.count == 1)
            #expect(audit.first??.contains("reason-characters=") == true)
            #expect(audit.first??.contains("Police") == false, "the reason stays out of the trail")
        }
    }

    @Test(arguments: TestDatabases.engines)
    func consentIsKeptByLAStaffWhoWorkWithThePersonAndOnlyOnTheirOwnCaseloadForAdvisers(_ engine: DatabaseEngine) async throws {
        try await ConsentFixture.run(engine) { fixture in
            let consent = ConsentDesk(store: fixture.store)
            let provision = fixture.deny(.currentActivity, recipient: .anyone)
            for role in [Role.manager, .careersLeader, .administrator] {
                await #expect(throws: AccessDenied.self, "\(role)") { _ = try await consent.overview(for: try fixture.grant(role), person: fixture.person, at: Self.now) }
            }
            await #expect(throws: Refusal.self) {
                _ = try await consent.record(provision, for: try fixture.grant(.personalAdviser), person: fixture.base.noAdviser, at: Self.now)
            }
            await #expect(throws: Refusal.self, "self-service choices are the young person's own") {
                var online = provision
                online.method = .selfService
                _ = try await consent.record(online, for: try fixture.grant(.dataManager), person: fixture.person, at: Self.now)
            }
            let overview = try await consent.overview(for: try fixture.grant(.personalAdviser), person: fixture.base.noAdviser, at: Self.now)
            #expect(!overview.mayRecord && !overview.mayOverride)
            let views = try await fixture.base.auditEvents(about: fixture.base.noAdviser, action: .view)
            #expect(views.first?.detail?.contains("consent and sharing") == true)
        }
    }
}
