import Foundation
import SQLKit
import Testing
import WaymarkCore
import WaymarkRecords
@testable import WaymarkStore
import WaymarkTestSupport

/// The risk-of-NEET tables as stored, on both engines: school facts read
/// back whole through the batch reader, scores replaced by id range (never
/// added to), settings kept version by version, and school facts and list
/// changes following a merge and its undo.
@Suite struct RiskStorageTests {
    static func people(_ store: Store) async throws -> (school: Int64, first: Int64, second: Int64) {
        try await store.change(by: .system("test"), at: fixedNow) { tx in
            let school = try await tx.createOrganisation(NewOrganisation(kind: .school, name: "Millbrook Park School", laCode: home.code, establishmentNumber: "9904001"))
            let first = try await tx.createPerson(StoreFixtures.person("Amara", born: "2011-03-14"))
            let second = try await tx.createPerson(StoreFixtures.person("Amarah", born: "2011-03-14"))
            try await tx.recordSchoolFact(SchoolFact(kind: .attendance, date: d("2026-07-20"), value: 83.5), for: first, organisationID: school)
            try await tx.recordSchoolFact(SchoolFact(kind: .freeSchoolMeals, date: d("2022-09-05"), endDate: d("2025-03-31"), code: "eligible"),
                                          for: second, organisationID: school)
            try await tx.changeRiskList(.add, for: second, school: school, reason: "Caring at home")
            return (school, first, second)
        }
    }

    @Test(arguments: TestDatabases.engines)
    func schoolFactsReadBackWholeAndScoresAreReplacedNotAdded(_ engine: DatabaseEngine) async throws {
        try await TestDatabases.withFreshStore(engine) { store in
            let ids = try await Self.people(store)
            var read: [RiskInput] = []
            try await RiskInputReader(store: store, batchSize: 1).forEachBatch(responsibleLA: home.code) { read += $0 }
            #expect(read.map(\.personID) == [ids.first, ids.second], "one batch at a time, in id order")
            #expect(read[0].facts.schoolFacts == [SchoolFact(kind: .attendance, date: d("2026-07-20"), value: 83.5)])
            #expect(read[1].facts.schoolFacts == [SchoolFact(kind: .freeSchoolMeals, date: d("2022-09-05"), endDate: d("2025-03-31"), code: "eligible")])

            let scores = RiskScores(store: store)
            let score = RiskModel().score(read[0].facts, on: d("2026-11-18"))
            try await scores.replace(in: ids.first...ids.second, with: [(ids.first, score, ids.school, 11), (ids.second, RiskScore(reasons: [], band: .low), nil, 11)],
                                     scoredOn: d("2026-11-18"), settingsID: nil)
            try await scores.replace(in: ids.first...ids.first, with: [(ids.first, score, ids.school, 11)], scoredOn: d("2026-11-19"), settingsID: nil)
            #expect(try await scores.count() == 2)
            let stored = try #require(try await scores.score(of: ids.first))
            #expect(stored.score == score && stored.score.points == 3 && stored.scoredOn == d("2026-11-19"))
            try await scores.removeAll(after: ids.first)
            #expect(try await scores.count() == 1)
        }
    }

    @Test(arguments: TestDatabases.engines)
    func settingsAreKeptVersionByVersion(_ engine: DatabaseEngine) async throws {
        try await TestDatabases.withFreshStore(engine) { store in
            #expect(try await RiskSettingsStore(store: store).inForce().settings == .standard)
            var settings = RiskSettings.standard
            settings.mediumFrom = 4
            let first = settings
            _ = try await store.change(by: .system("test"), at: fixedNow) { tx in try await tx.saveRiskSettings(first, reason: "first") }
            settings.highFrom = 7
            let second = settings
            _ = try await store.change(by: .system("test"), at: fixedNow) { tx in try await tx.saveRiskSettings(second, reason: "second") }
            let history = try await RiskSettingsStore(store: store).history()
            #expect(history.map(\.reason) == ["second", "first"])
            #expect(try await RiskSettingsStore(store: store).inForce().settings == settings)
        }
    }

    @Test(arguments: TestDatabases.engines)
    func schoolFactsAndListChangesFollowAMergeAndItsUndo(_ engine: DatabaseEngine) async throws {
        try await TestDatabases.withFreshStore(engine) { store in
            let ids = try await Self.people(store)
            let merge = try await store.change(by: .system("test"), at: fixedNow) { tx in try await tx.mergePeople(kept: ids.first, merged: ids.second) }
            func owners(_ table: String) async throws -> [Int64] {
                try await store.sql.select().column("person_id").from(table).orderBy("id").all(decodingColumn: "person_id", as: Int64.self)
            }
            #expect(try await owners("school_fact") == [ids.first, ids.first])
            #expect(try await owners("risk_list_change") == [ids.first])
            try await store.change(by: .system("test"), at: fixedNow) { tx in _ = try await tx.undoMerge(merge, by: nil) }
            #expect(try await owners("school_fact") == [ids.first, ids.second])
            #expect(try await owners("risk_list_change") == [ids.second])
        }
    }
}
