import Foundation
import SQLKit
import Testing
import WaymarkCore
import WaymarkRecords
import WaymarkStore
import WaymarkTestSupport

/// A completed assessment is kept exactly as it was: the transaction
/// refuses to change it, and so does the database, on both engines, to an
/// UPDATE typed by hand. Only its person may move, with a merge.
struct AssessmentStorageTests {
    static let reference = InstrumentReference(key: "needs-assessment", version: 1)

    static func completed(_ store: Store, person: Int64) async throws -> Int64 {
        try await store.change(by: .system("test"), at: fixedNow) { tx in
            let id = try await tx.startAssessment(of: person, with: Self.reference, kind: .assessment, rater: .adviser, on: d("2026-11-18"))
            try await tx.saveDraftRatings(["housing": 4, "money": 3], summary: "Agreed to look at housing first", of: id, for: person)
            try await tx.completeAssessment(id, for: person)
            return id
        }
    }

    @Test(arguments: TestDatabases.engines)
    func aDraftChangesUntilCompletedAndThenNeverAgain(engine: DatabaseEngine) async throws {
        try await TestDatabases.withFreshStore(engine) { store in
            let person = try await store.change(by: .system("test"), at: fixedNow) { tx in try await tx.createPerson(StoreFixtures.person()) }
            let draft = try await store.change(by: .system("test"), at: fixedNow) { tx in
                let id = try await tx.startAssessment(of: person, with: Self.reference, kind: .assessment, rater: .adviser, on: d("2026-11-18"))
                try await tx.saveDraftRatings(["housing": 2], summary: nil, of: id, for: person)
                return id
            }
            try await store.change(by: .system("test"), at: fixedNow) { tx in
                try await tx.saveDraftRatings(["housing": 4, "money": 3], summary: "second thoughts", of: draft, for: person)
                try await tx.completeAssessment(draft, for: person)
            }
            let stored = try #require(try await AssessmentQueries(store: store).assessment(draft, of: person))
            #expect(stored.ratings == ["housing": 4, "money": 3] && stored.isCompleted && stored.summary == "second thoughts")
            #expect(stored.completedAt != nil && stored.source == "test")

            // The transaction refuses it.
            await #expect(throws: AssessmentStoreError.completed(id: draft)) {
                try await store.change(by: .system("test"), at: fixedNow) { tx in try await tx.saveDraftRatings(["housing": 1], summary: nil, of: draft, for: person) }
            }
            await #expect(throws: AssessmentStoreError.completed(id: draft)) {
                try await store.change(by: .system("test"), at: fixedNow) { tx in try await tx.completeAssessment(draft, for: person) }
            }
            // The database refuses it too, whatever asks.
            await #expect(throws: (any Error).self, "a completed row's fields are fixed") {
                try await store.sql.update("assessment").set("summary", to: "rewritten").where("id", .equal, draft).run()
            }
            await #expect(throws: (any Error).self, "even its status") {
                try await store.sql.update("assessment").set("status", to: "draft").where("id", .equal, draft).run()
            }
            await #expect(throws: (any Error).self, "its ratings are fixed") {
                try await store.sql.update("assessment_rating").set("rating", to: 1).where("assessment_id", .equal, draft).run()
            }
            await #expect(throws: (any Error).self, "and none may be added") {
                try await store.sql.insert(into: "assessment_rating").columns("person_id", "assessment_id", "area_key", "rating", "source", "recorded_at")
                    .values(SQLBind(person), SQLBind(draft), SQLBind("caring"), SQLBind(2), SQLBind("test"), SQLBind("2026-11-18T00:00:00Z")).run()
            }
            let after = try #require(try await AssessmentQueries(store: store).assessment(draft, of: person))
            #expect(after == stored, "nothing changed")
        }
    }

    @Test(arguments: TestDatabases.engines)
    func aCompletedAssessmentFollowsItsPersonIntoAMergeAndBack(engine: DatabaseEngine) async throws {
        try await TestDatabases.withFreshStore(engine) { store in
            let (kept, merged) = try await store.change(by: .system("test"), at: fixedNow) { tx in
                (try await tx.createPerson(StoreFixtures.person()), try await tx.createPerson(StoreFixtures.person("Amarah")))
            }
            let assessment = try await Self.completed(store, person: merged)
            let merge = try await store.change(by: .system("test"), at: fixedNow) { tx in try await tx.mergePeople(kept: kept, merged: merged) }
            #expect(try await AssessmentQueries(store: store).assessments(of: kept).map(\.id) == [assessment])
            _ = try await store.change(by: .system("test"), at: fixedNow) { tx in try await tx.undoMerge(merge, by: nil) }
            let back = try await AssessmentQueries(store: store).assessments(of: merged)
            #expect(back.map(\.id) == [assessment] && back[0].ratings == ["housing": 4, "money": 3], "moved back whole")
        }
    }

    @Test(arguments: TestDatabases.engines)
    func planStepsMoveForwardAndAFollowUpIsMadeFromOne(engine: DatabaseEngine) async throws {
        try await TestDatabases.withFreshStore(engine) { store in
            let person = try await store.change(by: .system("test"), at: fixedNow) { tx in try await tx.createPerson(StoreFixtures.person()) }
            let (goal, step) = try await store.change(by: .system("test"), at: fixedNow) { tx in
                try await tx.schedulePlan(of: person, intervalWeeks: 12, on: d("2026-11-18"))
                let goal = try await tx.addGoal(NewGoal(title: "Start college", need: GoalNeed(assessmentID: nil, areaKey: nil, text: "No place"), adviserNote: "quiet"), for: person)
                let step = try await tx.addStep(
                    NewStep(description: "Visit the open day", owner: .partner("Northmere College"), dueOn: d("2026-12-01"), adviserNote: nil), toGoal: goal, for: person)
                return (goal, step)
            }
            let followUp = try await store.change(by: .system("test"), at: fixedNow) { tx in
                try await tx.moveStep(step, to: .inProgress, for: person)
                return try await tx.followUp(fromStep: step, NewFollowUp(dueOn: d("2026-12-01"), description: "Plan step: Visit the open day", assignedUserID: nil), for: person)
            }
            try await store.change(by: .system("test"), at: fixedNow) { tx in try await tx.moveStep(step, to: .done, for: person) }
            await #expect(throws: PlanStoreError.stepCannotMove(id: step, from: .done, to: .inProgress)) {
                try await store.change(by: .system("test"), at: fixedNow) { tx in try await tx.moveStep(step, to: .inProgress, for: person) }
            }
            try await store.change(by: .system("test"), at: fixedNow.addingTimeInterval(86_400 * 30)) { tx in try await tx.reviewPlan(of: person, on: d("2026-12-18")) }
            let plan = try await PlanQueries(store: store).plan(of: person)
            #expect(plan.goals.map(\.id) == [goal] && plan.goals[0].adviserNote == "quiet")
            let stored = try #require(plan.goals[0].steps.first)
            #expect(stored.status == .done && stored.owner == .partner("Northmere College") && stored.followUpID == followUp)
            #expect(plan.schedule?.lastReviewedOn == d("2026-12-18") && plan.schedule?.nextReviewOn == d("2027-03-12"), "12 weeks after the review")
            #expect(try await CaseworkQueries(store: store).openFollowUps(of: person).map(\.id) == [followUp], "the follow-up is the diary's own")
            let moves = try await store.sql.select().column("detail").from("audit_event").where("entity", .equal, "plan_step").orderBy("id")
                .all(decodingColumn: "detail", as: String?.self)
            #expect(moves == ["goal=\(goal); owner=partner", "status=not-started>in-progress", "follow-up=\(followUp)", "status=in-progress>done"])
        }
    }

    @Test(arguments: TestDatabases.engines)
    func retentionErasesCompletedAssessmentsAndPlansWithTheRecord(engine: DatabaseEngine) async throws {
        try await TestDatabases.withFreshStore(engine) { store in
            let (erased, anonymised) = try await store.change(by: .system("test"), at: fixedNow) { tx in
                (try await tx.createPerson(StoreFixtures.person()), try await tx.createPerson(StoreFixtures.person("Kemi")))
            }
            for person in [erased, anonymised] {
                let assessment = try await Self.completed(store, person: person)
                try await store.change(by: .system("test"), at: fixedNow) { tx in
                    try await tx.schedulePlan(of: person, intervalWeeks: 12, on: d("2026-11-18"))
                    let goal = try await tx.addGoal(
                        NewGoal(title: "Housing", need: GoalNeed(assessmentID: assessment, areaKey: "housing", text: "Housing"), adviserNote: nil), for: person)
                    let step = try await tx.addStep(NewStep(description: "Call", owner: .youngPerson, dueOn: nil, adviserNote: nil), toGoal: goal, for: person)
                    _ = try await tx.followUp(fromStep: step, NewFollowUp(dueOn: d("2026-12-01"), description: "Call", assignedUserID: nil), for: person)
                }
            }
            let tombstone = RetentionTombstone(dueAge: 25, erased: Set(SensitivityClass.allCases), anonymised: [])
            try await store.change(by: .system("retention"), at: fixedNow) { tx in
                try await tx.erasePeople([RecordToErase(id: erased, tombstone: tombstone)])
                try await tx.anonymisePeople(
                    [RecordToAnonymise(id: anonymised, dateOfBirth: d("2010-03-14"),
                                       tombstone: RetentionTombstone(dueAge: 25, erased: [.notes], anonymised: [.educationAndActivity]))],
                    on: d("2026-11-18"))
            }
            for table in ["assessment", "assessment_rating", "action_plan", "plan_goal", "plan_step"] {
                let left = try await store.sql.select().column("id").from(table).where("person_id", .in, [erased, anonymised]).all()
                #expect(left.isEmpty, "\(table) keeps nothing of an erased record or of notes not kept")
            }
        }
    }
}
