import Foundation
import Testing
import WaymarkCore
import WaymarkRecords
import WaymarkStore
import WaymarkTestSupport

/// The record page asks only for the parts a record has: the probe must see
/// each part as it is added and stop seeing a follow-up once it is done, and
/// never see another person's. Both engines.
struct RecordPresenceQueryTests {
    @Test(arguments: TestDatabases.engines)
    func eachPartIsSeenOnceItExistsAndOnlyOnItsOwnRecord(engine: DatabaseEngine) async throws {
        try await TestDatabases.withFreshStore(engine) { store in
            let (person, other) = try await store.change(by: .system("test"), at: fixedNow) { tx in
                (try await tx.createPerson(StoreFixtures.person("Ada", family: "Walsh")), try await tx.createPerson(StoreFixtures.person("Ben", family: "Moss")))
            }
            let query = RecordPresenceQuery(store: store)
            let nothing = RecordPresence(contacts: false, openFollowUps: false, appointments: false, assessments: false, plan: false, glassBrokenByViewer: false)
            #expect(try await query.presence(of: person, viewer: 1) == nothing)

            let followUp = try await store.change(by: .system("test"), at: fixedNow) { tx in
                _ = try await tx.recordContact(NewContact(occurredAt: fixedNow, method: .phone, direction: .outbound, outcome: "no answer"), for: person)
                _ = try await tx.startAssessment(
                    of: person, with: InstrumentReference(key: "needs-assessment", version: 1), kind: .assessment, rater: .adviser, on: d("2026-11-18"))
                return try await tx.addFollowUp(NewFollowUp(dueOn: d("2026-12-01"), description: "Ring back", assignedUserID: nil), for: person)
            }
            var expected = nothing
            expected.contacts = true
            expected.assessments = true
            expected.openFollowUps = true
            #expect(try await query.presence(of: person, viewer: 1) == expected)
            #expect(try await query.presence(of: other, viewer: 1) == nothing, "another person's parts are not this one's")

            try await store.change(by: .system("test"), at: fixedNow) { tx in try await tx.completeFollowUp(id: followUp, for: person) }
            expected.openFollowUps = false
            #expect(try await query.presence(of: person, viewer: 1) == expected, "a follow-up done is no longer open")

            try await store.change(by: .system("test"), at: fixedNow) { tx in
                _ = try await tx.addGoal(NewGoal(title: "Find a course", need: GoalNeed(assessmentID: nil, areaKey: nil, text: "Wants to study"), adviserNote: nil), for: person)
            }
            expected.plan = true
            #expect(try await query.presence(of: person, viewer: 1) == expected, "goals written before the plan is agreed are a plan")
        }
    }
}
