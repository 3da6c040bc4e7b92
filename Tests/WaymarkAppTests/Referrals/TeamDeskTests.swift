import Foundation
import Testing
@testable import WaymarkApp
import WaymarkCore
import WaymarkRecords
import WaymarkStore
import WaymarkTestSupport

/// The team view: lead professional, open involvements (brokered as on the
/// register), the plan and its next reviews, open referrals with whose turn
/// it is; one audited view; refused as the known-to page is.
@Suite struct TeamDeskTests {
    static let now = ReferralFixture.now
    static let today = ReferralFixture.today

    @Test(arguments: TestDatabases.engines)
    func theTeamShowsTheLeadTheServicesThePlanAndWhoseTurnEachReferralIs(_ engine: DatabaseEngine) async throws {
        try await ReferralFixture.run(engine) { f in
            let adviser = try f.grant(.personalAdviser)
            let knownTo = KnownToDesk(store: f.store, laName: "Northmere")
            let desk = TeamDesk(store: f.store, laName: "Northmere")
            // given: the YOT took a referral on, a housing worker was recorded by hand and then ended, a second referral waits to be acknowledged
            let taken = try await KnownToDeskTests.involved(f)
            let ended = try await knownTo.recordInvolvement(
                InvolvementEntry(organisationID: f.youthJustice, workerName: "Sam Okoro", role: "Bail officer", from: Self.today.adding(days: -40)),
                of: f.person, for: adviser, at: Self.now)
            try await knownTo.endInvolvement(ended, of: f.person, on: Self.today.adding(days: -2), for: adviser, at: Self.now)
            let waiting = try await f.sentReferral()
            try await knownTo.setLead(of: f.person, to: f.yotWorker.id, agreed: "Agreed at the team meeting on Monday", for: adviser, at: Self.now)
            _ = try await f.store.change(by: .user(adviser.user.id), at: Self.now) { tx in
                try await tx.schedulePlan(of: f.person, intervalWeeks: 6, on: Self.today.adding(days: -10))
                let goal = try await tx.addGoal(NewGoal(title: "Stay in college", need: GoalNeed(assessmentID: nil, areaKey: nil, text: "Attendance"), adviserNote: nil), for: f.person)
                _ = try await tx.addStep(NewStep(description: "Meet the course tutor", owner: .adviser, dueOn: Self.today.adding(days: 5), adviserNote: nil), toGoal: goal, for: f.person)
                _ = try await tx.addStep(NewStep(description: "Bus pass form", owner: .youngPerson, dueOn: Self.today.adding(days: 2), adviserNote: nil), toGoal: goal, for: f.person)
            }

            // when the adviser opens the team view
            let view = try await desk.team(of: f.person, for: adviser, at: Self.now)

            // then
            #expect(view.lead?.userID == f.yotWorker.id && view.adviser?.id == adviser.user.id)
            #expect(view.involved.map(\.organisation) == ["Northmere Youth Justice Service"], "only the open involvement")
            #expect(view.involved.first?.worker == "Dan Whitfield")
            let plan = try #require(view.plan)
            #expect(plan.nextReviewOn == Self.today.adding(days: 32) && !plan.reviewDue && plan.goals == ["Stay in college"] && plan.openSteps == 2)
            #expect(plan.nextSteps.map(\.description) == ["Bus pass form", "Meet the course tutor"])
            #expect(!view.planRestricted)
            let referrals = Dictionary(uniqueKeysWithValues: view.referrals.map { ($0.id, $0) })
            #expect(referrals[taken]?.state == .accepted && referrals[taken]?.waitingOn == "Northmere Youth Justice Service")
            #expect(referrals[waiting]?.state == .sent && referrals[waiting]?.reminderDue == Self.today.adding(days: 3) && referrals[waiting]?.overdue == false)
            #expect(view.referrals.count == 2)
            let audit = try #require(try await f.base.auditDetails(.view, entity: "involvement").compactMap { $0 }.last)
            #expect(audit.hasPrefix("team; involvements=") && audit.contains("plan=shown") && !audit.contains("Amara"))

            // a tracking officer sees the team brokered, and that a plan exists but not what it says
            let officer = try await desk.team(of: f.person, for: try f.grant(.trackingOfficer), at: Self.now)
            #expect(officer.involved.map(\.organisation) == ["A professional is involved"] && officer.involved.first?.worker == nil)
            #expect(officer.plan == nil && officer.planRestricted)
            #expect(officer.referrals.first { $0.id == taken }?.to == "A partner service")
            #expect(officer.referrals.first { $0.id == taken }?.waitingOn == "the service it was sent to")

            // refused to partner workers and schools
            await #expect(throws: AccessDenied.self) { try await desk.team(of: f.person, for: f.yot, at: Self.now) }
            await #expect(throws: Refusal.self) { try await desk.team(of: f.person, for: try f.grant(.careersLeader), at: Self.now) }
            await #expect(throws: Refusal.self) { try await desk.team(of: f.base.otherLA, for: adviser, at: Self.now) }
        }
    }
}
