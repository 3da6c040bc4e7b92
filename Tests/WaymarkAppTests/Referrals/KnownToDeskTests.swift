import Foundation
import Testing
@testable import WaymarkApp
import WaymarkCore
import WaymarkRecords
import WaymarkStore
import WaymarkTestSupport

/// The known-to register, brokered contact, the lead professional and the rule that a file does not close while services are involved.
@Suite struct KnownToDeskTests {
    static let now = ReferralFixture.now

    static func involved(_ f: ReferralFixture) async throws -> Int64 {
        let id = try await f.sentReferral()
        for action in [ReferralAction.acknowledge, .accept] { try await f.desk.act(action, on: id, for: f.yot, at: now) }
        return id
    }

    @Test(arguments: TestDatabases.engines)
    func aYouthJusticeInvolvementIsNamedToThoseWhoSeeOffendingAndBrokeredToOthers(_ engine: DatabaseEngine) async throws {
        try await ReferralFixture.run(engine) { f in
            _ = try await Self.involved(f)
            let desk = KnownToDesk(store: f.store, laName: "Northmere")
            let adviserView = try await desk.register(of: f.person, for: try f.grant(.personalAdviser), at: Self.now)
            #expect(adviserView.lines.count == 1)
            #expect(adviserView.lines[0].organisation == "Northmere Youth Justice Service" && adviserView.lines[0].worker == "Dan Whitfield")
            #expect(!adviserView.lines[0].brokered)
            // a tracking officer does not see offending: only that a professional is involved, reached through the LA
            let officerView = try await desk.register(of: f.person, for: try f.grant(.trackingOfficer), at: Self.now)
            #expect(officerView.lines[0].brokered && officerView.lines[0].organisation == "A professional is involved")
            #expect(officerView.lines[0].worker == nil && officerView.lines[0].role == nil)
            #expect(officerView.lines[0].contactThrough == "Contact them through Northmere")
            let views = try await f.base.auditDetails(.view, entity: "involvement").compactMap { $0 }
            #expect(views.count == 2 && views[1].contains("brokered=1"))
            await #expect(throws: AccessDenied.self) { try await desk.register(of: f.person, for: f.yot, at: Self.now) }
        }
    }

    @Test(arguments: TestDatabases.engines)
    func theLeadProfessionalIsAnInvolvedWorkerOrTheAdviserAndEachChangeIsAudited(_ engine: DatabaseEngine) async throws {
        try await ReferralFixture.run(engine) { f in
            _ = try await Self.involved(f)
            let desk = KnownToDesk(store: f.store, laName: "Northmere")
            let adviser = try f.grant(.personalAdviser)
            await #expect(throws: Refusal.self) {
                try await desk.setLead(of: f.person, to: f.healthWorker.id, agreed: "Agreed at the team meeting", for: adviser, at: Self.now)
            }
            await #expect(throws: Refusal.invalid("Enter the agreement (who agreed it and when)")) {
                try await desk.setLead(of: f.person, to: f.yotWorker.id, agreed: nil, for: adviser, at: Self.now)
            }
            await #expect(throws: AccessDenied.self) {
                try await desk.setLead(of: f.person, to: f.yotWorker.id, agreed: "Agreed at the team meeting", for: try f.grant(.manager), at: Self.now)
            }
            try await desk.setLead(of: f.person, to: adviser.user.id, agreed: "Agreed at the team meeting on Monday", for: adviser, at: Self.now)
            try await desk.setLead(of: f.person, to: f.yotWorker.id, agreed: "Handed over at the review on Friday", for: adviser, at: Self.now)
            let view = try await desk.register(of: f.person, for: adviser, at: Self.now)
            #expect(view.lead?.userID == f.yotWorker.id && view.lead?.organisationName == "Northmere Youth Justice Service")
            let changes = try await f.base.auditDetails(.update, entity: "lead_professional").compactMap { $0 }
            #expect(changes.count == 2 && changes[1].contains("user=\(f.yotWorker.id)") && changes[1].contains("previous-user=\(adviser.user.id)"))
        }
    }

    @Test(arguments: TestDatabases.engines)
    func aFileCannotBeClosedWhileAServiceIsInvolved(_ engine: DatabaseEngine) async throws {
        try await ReferralFixture.run(engine) { f in
            let id = try await Self.involved(f)
            let casework = CaseworkDesk(store: f.store, registry: DemoAuthority.registry)
            let record = try await casework.forChange(f.person, need: .assign, for: try f.grant(.dataManager))
            await #expect(throws: Refusal.self) { try await casework.assign(adviser: nil, tier: nil, need: nil, on: record, at: Self.now) }
            try await f.desk.act(.handBack(try f.reason("No further work needed by us")), on: id, for: f.yot, at: Self.now)
            try await casework.assign(adviser: nil, tier: nil, need: nil, on: record, at: Self.now)
        }
    }
}
