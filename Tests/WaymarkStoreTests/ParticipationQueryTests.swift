import Testing
import WaymarkCore
import WaymarkRecords
import WaymarkStore
import WaymarkTestSupport

struct ParticipationQueryTests {
    @Test(arguments: TestDatabases.engines)
    func countsEachStateUsingTheActivityCurrentOnTheDate(engine: DatabaseEngine) async throws {
        try await TestDatabases.withFreshStore(engine) { store in
            // given one young person in each state at 2026-11-30
            try await store.change(by: .system("test"), at: fixedNow) { tx in
                let inCollege = try await tx.createPerson(StoreFixtures.person("Amara"))
                try await tx.recordActivity(StoreFixtures.college, for: inCollege)

                let neet = try await tx.createPerson(StoreFixtures.person("Ben", family: "Walsh"))
                try await tx.recordActivity(StoreFixtures.college, for: neet)
                try await tx.recordActivity(
                    ActivityRecord(code: .seekingEET, startDate: d("2026-11-02"), dateAscertained: d("2026-11-03"), neetStartDate: d("2026-11-02")),
                    for: neet)

                let lapsed = try await tx.createPerson(StoreFixtures.person("Chloé", family: "Martin"))
                try await tx.recordActivity(
                    ActivityRecord(code: .employmentWithoutTraining, startDate: d("2026-02-01"), dateAscertained: d("2026-02-02")), for: lapsed)

                _ = try await tx.createPerson(StoreFixtures.person("Dev", family: "Patel"))  // nothing recorded

                let custody = try await tx.createPerson(StoreFixtures.person("Ewan", family: "Reid"))
                try await tx.recordActivity(
                    ActivityRecord(code: .custodyYoungAdultOffender, startDate: d("2026-10-01"), dateAscertained: d("2026-10-01"), reviewDate: d("2027-01-01")),
                    for: custody)

                _ = try await tx.createPerson(StoreFixtures.person("Fern", family: "Lee", born: "2011-01-01"))  // Year 11

                var movedAway = StoreFixtures.person("Gus", family: "Hale")
                movedAway.cohortStatus = .transferred
                movedAway.transferredToLA = .unknownAreaSafeNeighbour
                _ = try await tx.createPerson(movedAway)

                // a later activity that has not started yet on the date must not count
                let future = try await tx.createPerson(StoreFixtures.person("Hana", family: "Ito"))
                try await tx.recordActivity(StoreFixtures.college, for: future)
                try await tx.recordActivity(
                    ActivityRecord(code: .seekingEET, startDate: d("2026-12-05"), dateAscertained: d("2026-12-05"), neetStartDate: d("2026-12-05")),
                    for: future)
            }
            // when
            let counts = try await ParticipationQuery(store: store)
                .counts(responsibleLA: home, on: d("2026-11-30"), classifier: ParticipationClassifier())
            // then
            #expect(counts.recordsHeld == 8)
            #expect(counts.eet == 2)
            #expect(counts.neet == 1)
            #expect(counts.notKnown == 2)
            #expect(counts.notKnownByReason == [.lapsed: 1, .noActivity: 1])
            #expect(counts.other == 1)
            #expect(counts.year11 == 1)
            #expect(counts.notInCohort == 1)
            #expect(counts.cohort == 5)
            #expect(counts.percentage(counts.neet) == 20)
        }
    }
}

extension LocalAuthorityCode {
    static let unknownAreaSafeNeighbour: LocalAuthorityCode = {
        do { return try LocalAuthorityRegistry.national.code("886") } catch { fatalError("Kent missing") }
    }()
}
