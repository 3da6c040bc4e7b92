import Foundation
import SQLKit
import Testing
import WaymarkApp
import WaymarkCore
import WaymarkRecords
import WaymarkStore
import WaymarkTestSupport

/// The young person's own view is held apart from the adviser's
/// assessments; distance travelled counts only the adviser's completed ones;
/// the plan reaches the young person's page without the adviser's notes.
@Suite struct OwnViewAndDistanceTests {
    static let now = ConsentFixture.now
    static let born = try! CalendarDate(iso: "2009-03-14")

    @Test(arguments: TestDatabases.engines)
    func aSelfRatingIsHeldAsTheYoungPersonsOwnAndNeverCountedAsTheAdvisers(_ engine: DatabaseEngine) async throws {
        try await ConsentFixture.run(engine) { fixture in
            let store = fixture.store
            let services = AppServices(store: store, registry: DemoAuthority.registry, laCode: try DemoAuthority.laCode)
            let needs = try #require(InstrumentCatalogue.shipped.first)
            let adviser = try fixture.grant(.personalAdviser)
            let record = try await services.casework.forChange(fixture.person, for: adviser)
            // The adviser: 4 everywhere, then a review three months later at 2 everywhere.
            for (offset, value) in [(0.0, 4), (91.0 * 86_400, 2)] {
                let id = try await services.assessments.start("needs-assessment", on: record, at: Self.now + offset)
                try await services.assessments.save(id, ratings: AssessmentDeskTests.allRated(needs, value), summary: nil, complete: true, on: record, at: Self.now + offset)
            }
            // The young person, on their own page: 1 (a strength) everywhere they answer.
            let desk = OwnRecordDesk(store: store, links: SelfServiceLinks(store: store, baseURL: ""), registry: DemoAuthority.registry, laCode: DemoAuthority.code)
            let link = try await fixture.link()
            guard case .passed(let pass) = try await desk.check(link: link, dateOfBirth: Self.born, now: Self.now) else { throw Refusal.notFound("check") }
            #expect(try await desk.rateSelf(["housing": 9], link: link, pass: pass, now: Self.now) == .invalid(["Housing must be rated 1 to 5"]))
            #expect(try await desk.rateSelf(["housing": 1, "money": 1], link: link, pass: nil, now: Self.now) == .notAdmitted)
            #expect(try await desk.rateSelf(["housing": 1, "money": 1], link: link, pass: pass, now: Self.now + 60) == .saved)

            let view = try await services.assessments.assessments(of: fixture.person, for: adviser, at: Self.now)
            #expect(view.completed("needs-assessment").map(\.rater) == [.adviser, .adviser], "the adviser's rings are the adviser's alone")
            let own = try #require(view.ownViews.first)
            #expect(view.ownViews.count == 1 && own.rater == .youngPerson && own.isCompleted && own.source == "self-service" && own.recordedBy == nil)
            #expect(own.ratings == ["housing": 1, "money": 1])
            await #expect(throws: Refusal.self, "the adviser cannot rewrite the young person's words") {
                try await services.assessments.save(own.id, ratings: ["housing": 3], summary: nil, complete: false, on: record, at: Self.now)
            }

            // Distance travelled: 4 → 2 on a scale where lower is better is +2 in every area, whatever the young person said.
            let manager = try fixture.grant(.manager)
            let distance = try await services.distanceTravelled.distance(nil, for: manager).distance
            #expect(distance.people == 1 && distance.notYetReviewed == 0)
            #expect(distance.areas.allSatisfy { $0.meanChange == 2 && $0.improved == 1 && $0.people == 1 })
            #expect(distance.overallMeanChange == 2)
            let caseload = try await services.distanceTravelled.distance(
                DistanceQuestion(instrumentKey: "needs-assessment", adviserID: adviser.user.id, firstAssessedFrom: nil), for: manager).distance
            #expect(caseload.people == 1)
            let later = try await services.distanceTravelled.distance(
                DistanceQuestion(instrumentKey: "needs-assessment", adviserID: nil, firstAssessedFrom: CalendarDate.today(from: Self.now).adding(days: 1)),
                for: manager).distance
            #expect(later.people == 0, "a cohort first assessed later leaves them out")
            await #expect(throws: AccessDenied.self, "advisers do not see the team's distance") {
                try await services.distanceTravelled.distance(nil, for: adviser)
            }
            let csv = String(decoding: try await services.distanceTravelled.export(nil, format: .csv, for: manager, at: Self.now).data(), as: UTF8.self)
            #expect(csv.contains("Housing,1,4,2,2,1,0,0"), "\(csv)")
        }
    }

    @Test(arguments: TestDatabases.engines)
    func theYoungPersonSeesTheirPlanWithoutTheAdvisersNotes(_ engine: DatabaseEngine) async throws {
        try await ConsentFixture.run(engine) { fixture in
            let store = fixture.store
            let services = AppServices(store: store, registry: DemoAuthority.registry, laCode: try DemoAuthority.laCode)
            let record = try await services.casework.forChange(fixture.person, for: try fixture.grant(.personalAdviser))
            let plans = services.actionPlans
            try await plans.schedule(intervalWeeks: 12, on: record, at: Self.now)
            let goal = try await plans.addGoal(
                NewGoal(title: "Start a college course", need: GoalNeed(assessmentID: nil, areaKey: nil, text: "No place since June"), adviserNote: "Anxious about groups"),
                on: record, at: Self.now)
            let kept = try await plans.addStep(
                NewStep(description: "Go to the open evening", owner: .youngPerson, dueOn: try CalendarDate(iso: "2026-12-02"), adviserNote: "Offer to go with her"),
                toGoal: goal, on: record, at: Self.now)
            let dropped = try await plans.addStep(NewStep(description: "Ask about bursaries", owner: .adviser, dueOn: nil, adviserNote: nil), toGoal: goal, on: record, at: Self.now)
            try await plans.move(dropped, to: .dropped, on: record, at: Self.now)
            await #expect(throws: Refusal.self) { try await plans.move(dropped, to: .inProgress, on: record, at: Self.now) }
            let followUp = try await plans.followUp(fromStep: kept, on: record, at: Self.now)
            await #expect(throws: Refusal.self, "one follow-up a step") { try await plans.followUp(fromStep: kept, on: record, at: Self.now) }
            #expect(try await CaseworkQueries(store: store).openFollowUps(of: fixture.person).contains { $0.id == followUp && $0.description == "Plan step: Go to the open evening" })

            let desk = OwnRecordDesk(store: store, links: SelfServiceLinks(store: store, baseURL: ""), registry: DemoAuthority.registry, laCode: DemoAuthority.code)
            let link = try await fixture.link()
            guard case .passed(let pass) = try await desk.check(link: link, dateOfBirth: Self.born, now: Self.now) else { throw Refusal.notFound("check") }
            let view = try #require(try await desk.view(link: link, pass: pass, now: Self.now))
            #expect(view.plan == [OwnGoal(title: "Start a college course", need: "No place since June", steps: [
                OwnGoal.Step(description: "Go to the open evening", owner: "You", dueOn: try CalendarDate(iso: "2026-12-02"), status: .notStarted)])])
            #expect(view.nextPlanReview == CalendarDate.today(from: Self.now).adding(days: 84))
            let changes = try await store.sql.select().column("entity").from("audit_event").where("action", .equal, "create")
                .where("person_id", .equal, fixture.person).all(decodingColumn: "entity", as: String.self)
            #expect(["action_plan", "plan_goal", "plan_step", "follow_up"].allSatisfy(changes.contains), "every change audited")
        }
    }
}
