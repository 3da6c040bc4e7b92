import Foundation
import Testing
import WaymarkApp
import WaymarkCore
import WaymarkRecords
import WaymarkStore
import WaymarkTestSupport

/// Refusals through the use case, on both engines: by role, by side, by
/// state, by consent; and a refusal changes nothing.
@Suite struct ReferralRefusalDeskTests {
    static let now = ReferralFixture.now

    @Test(arguments: TestDatabases.engines)
    func onlyRolesThatMayReferDraftAndAnAdviserOnlyForTheirOwnCaseload(_ engine: DatabaseEngine) async throws {
        try await ReferralFixture.run(engine) { f in
            for role in [Role.manager, .careersLeader, .administrator] {
                await #expect(throws: AccessDenied.self, "\(role)") {
                    try await f.desk.draft(for: try f.grant(role), person: f.person, to: f.youthJustice, purpose: nil, summary: ReferralFixture.summary, at: Self.now)
                }
            }
            await #expect(throws: AccessDenied.self) {
                try await f.desk.draft(for: f.yot, person: f.person, to: f.health, purpose: nil, summary: ReferralFixture.summary, at: Self.now)
            }
            await #expect(throws: Refusal.self) {
                try await f.desk.draft(for: try f.grant(.personalAdviser), person: f.base.noAdviser, to: f.youthJustice, purpose: nil, summary: ReferralFixture.summary, at: Self.now)
            }
            await #expect(throws: Refusal.notFound("There is no young person with that id in the records you can see.")) {
                try await f.desk.draft(for: try f.grant(.trackingOfficer), person: f.base.otherLA, to: f.youthJustice, purpose: nil, summary: ReferralFixture.summary, at: Self.now)
            }
            // a tracking officer may refer anyone in scope; only to a partner service; the reason is needed
            _ = try await f.desk.draft(for: try f.grant(.trackingOfficer), person: f.base.noAdviser, to: f.youthJustice, purpose: .youthJustice, summary: ReferralFixture.summary, at: Self.now)
            let la = try f.grant(.dataManager).user.organisationID
            await #expect(throws: Refusal.invalid("Choose the service to refer to: one of the partner services listed.")) {
                try await f.desk.draft(for: try f.grant(.dataManager), person: f.person, to: la, purpose: nil, summary: ReferralFixture.summary, at: Self.now)
            }
            await #expect(throws: Refusal.invalid("Enter the reason for the referral")) {
                try await f.desk.draft(for: try f.grant(.personalAdviser), person: f.person, to: f.youthJustice, purpose: nil, summary: " ", at: Self.now)
            }
            #expect(try await ReferralQueries(store: f.store).sent(by: la).count == 1)
        }
    }

    @Test(arguments: TestDatabases.engines)
    func eachSideIsRefusedWhatOnlyTheOtherMayDoAndOutsidersSeeNothing(_ engine: DatabaseEngine) async throws {
        try await ReferralFixture.run(engine) { f in
            let adviser = try f.grant(.personalAdviser)
            let id = try await f.desk.draft(for: adviser, person: f.person, to: f.youthJustice, purpose: nil, summary: ReferralFixture.summary, at: Self.now)
            // a draft is the sender's alone: the receiver cannot see it yet
            await #expect(throws: Refusal.notFound("There is no referral with that id among those you can see.")) {
                try await f.desk.act(.acknowledge, on: id, for: f.yot, at: Self.now)
            }
            try await f.desk.act(.send, on: id, for: adviser, at: Self.now)
            await #expect(throws: Refusal.forbidden(ReferralRefusal.wrongSide(.acknowledge, side: .sender).description)) {
                try await f.desk.act(.acknowledge, on: id, for: adviser, at: Self.now)
            }
            await #expect(throws: Refusal.forbidden(ReferralRefusal.wrongSide(.withdraw, side: .receiver).description)) {
                try await f.desk.act(.withdraw(try f.reason()), on: id, for: f.yot, at: Self.now)
            }
            await #expect(throws: Refusal.conflict(ReferralRefusal.wrongState(.accept, state: .sent).description)) {
                try await f.desk.act(.accept, on: id, for: f.yot, at: Self.now)
            }
            // another partner service, a manager without the permission, a careers leader: nothing
            await #expect(throws: Refusal.notFound("There is no referral with that id among those you can see.")) {
                try await f.desk.act(.acknowledge, on: id, for: f.nurse, at: Self.now)
            }
            await #expect(throws: AccessDenied.self) { try await f.desk.act(.close, on: id, for: try f.grant(.manager), at: Self.now) }
            await #expect(throws: AccessDenied.self) { try await f.desk.open(id, for: try f.grant(.careersLeader), at: Self.now) }
            #expect(try await ReferralQueries(store: f.store).referral(id)?.state == .sent, "no refusal changed it")
            #expect(try await ReferralQueries(store: f.store).steps(of: id).count == 2)
        }
    }

    @Test(arguments: TestDatabases.engines)
    func aReferralWithoutConsentCannotBeSentAndSensitiveClassesWithoutABasisStayBehind(_ engine: DatabaseEngine) async throws {
        try await ReferralFixture.run(engine) { f in
            let officer = try f.grant(.trackingOfficer)
            // no consent recorded for this young person: the referrals flow's basis is consent
            let unconsented = try await f.desk.draft(for: officer, person: f.base.noAdviser, to: f.youthJustice, purpose: nil, summary: ReferralFixture.summary, at: Self.now)
            await #expect(throws: Refusal.self) { try await f.desk.act(.send, on: unconsented, for: officer, at: Self.now) }
            #expect(try await ReferralQueries(store: f.store).referral(unconsented)?.state == .draft)
            #expect(try await ReferralQueries(store: f.store).shares(of: unconsented).isEmpty)

            // with consent: the package shares what the flow carries and withholds the rest, with the reason
            let id = try await f.sentReferral()
            let shares = try await ReferralQueries(store: f.store).shares(of: id)
            #expect(Set(shares.filter(\.shared).map(\.dataClass)) == [.identity, .contact, .currentActivity, .educationAndActivity, .careStatus, .mentalHealth])
            #expect(Set(shares.filter { !$0.shared }.map(\.dataClass)) == [.offending, .substanceMisuse])
            #expect(shares.first { $0.dataClass == .offending }?.withheldBecause == "The Referrals to support services flow does not carry this kind of information.")
            #expect(!shares.contains { $0.dataClass == .notes })
            #expect(try await f.audits(.create, "referral_share").last??.contains("withheld=offending,substanceMisuse") == true)

            // a deny for one class wins over the permit for all
            try await f.store.change(by: .system("test"), at: Self.now) { tx in
                _ = try await tx.recordConsent(
                    ConsentProvision(decision: .deny, purpose: .referral, recipient: .kind(.youthJustice), dataClass: .mentalHealth, from: ReferralFixture.today,
                                     givenBy: .youngPerson, method: .paper, recordedAt: Self.now), for: f.person)
            }
            let second = try await f.sentReferral()
            let after = try await ReferralQueries(store: f.store).shares(of: second)
            #expect(after.first { $0.dataClass == .mentalHealth }?.shared == false)
        }
    }

    @Test(arguments: TestDatabases.engines)
    func twoWorkersActingAtOnceCannotBothMoveIt(_ engine: DatabaseEngine) async throws {
        try await ReferralFixture.run(engine) { f in
            let id = try await f.sentReferral()
            let stale = try #require(try await ReferralQueries(store: f.store).referral(id))
            try await f.desk.act(.acknowledge, on: id, for: f.yot, at: Self.now)
            // the store refuses a move from a state the referral has left
            let moved = try await f.store.change(by: .user(f.yotWorker.id), at: Self.now) { tx in
                try await tx.moveReferral(ReferralMove(referralID: id, personID: stale.personID, action: .acknowledge, from: .sent, to: .received, reminderDue: nil))
            }
            #expect(!moved)
            #expect(try await ReferralQueries(store: f.store).steps(of: id).count == 3)
        }
    }
}
