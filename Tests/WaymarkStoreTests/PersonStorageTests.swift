import Foundation
import SQLKit
import Testing
import WaymarkCore
import WaymarkRecords
import WaymarkStore
import WaymarkTestSupport

struct PersonStorageTests {
    @Test(arguments: TestDatabases.engines)
    func aPersonAndTheirActivityRoundTrip(engine: DatabaseEngine) async throws {
        try await TestDatabases.withFreshStore(engine) { store in
            // given
            let person = StoreFixtures.person()
            // when
            let id = try await store.change(by: .system("test"), at: fixedNow) { tx in
                let id = try await tx.createPerson(person)
                try await tx.recordActivity(StoreFixtures.college, for: id)
                return id
            }
            // then
            let queries = PersonQueries(store: store, registry: StoreFixtures.registry)
            let stored = try #require(try await queries.person(id))
            #expect(stored.person == person)
            #expect(stored.source == "test")
            #expect(stored.recordedAt == "2026-11-18T11:06:40Z")
            let activities = try await queries.activities(of: id)
            #expect(activities.map(\.activity) == [StoreFixtures.college])
        }
    }

    @Test(arguments: TestDatabases.engines)
    func everyChangeWritesItsAuditEventInTheSameTransaction(engine: DatabaseEngine) async throws {
        try await TestDatabases.withFreshStore(engine) { store in
            let id = try await store.change(by: .user(7).withoutUserRow, at: fixedNow) { tx in
                let id = try await tx.createPerson(StoreFixtures.person())
                try await tx.recordActivity(StoreFixtures.college, for: id)
                try await tx.addCharacteristic(CharacteristicRecord(code: .careLeaver, startDate: d("2026-01-01")), for: id)
                return id
            }
            let events = try await store.sql.select().columns("action", "entity", "person_id", "detail", "actor")
                .from("audit_event").orderBy("id").all()
            let summary = try events.map { "\(try $0.decode(column: "action", as: String.self)) \(try $0.decode(column: "entity", as: String.self))" }
            #expect(summary == ["create young_person", "create activity", "create characteristic"])
            #expect(try events.allSatisfy { try $0.decode(column: "person_id", as: Int64.self) == id })
            #expect(try events[1].decode(column: "detail", as: String.self) == "code=230")
        }
    }

    @Test(arguments: TestDatabases.engines)
    func aFailedTransactionLeavesNothingBehind(engine: DatabaseEngine) async throws {
        try await TestDatabases.withFreshStore(engine) { store in
            // given an activity that breaks rule 242, recorded after a valid person in one change
            var bad = StoreFixtures.college
            bad.dateAscertained = d("2026-08-01")
            let badActivity = bad
            // when
            await #expect(throws: ValidationFailure.self) {
                try await store.change(by: .system("test"), at: fixedNow) { tx in
                    let id = try await tx.createPerson(StoreFixtures.person())
                    try await tx.recordActivity(badActivity, for: id)
                }
            }
            // then neither the person nor any audit event was kept
            let queries = PersonQueries(store: store, registry: StoreFixtures.registry)
            let people = try await queries.count(table: .youngPerson)
            let events = try await queries.count(table: .auditEvent)
            #expect(people == 0)
            #expect(events == 0)
        }
    }

    @Test(arguments: TestDatabases.engines)
    func theAuditTrailRefusesUpdatesAndDeletes(engine: DatabaseEngine) async throws {
        try await TestDatabases.withFreshStore(engine) { store in
            try await store.change(by: .system("test"), at: fixedNow) { tx in _ = try await tx.createPerson(StoreFixtures.person()) }
            await #expect(throws: (any Error).self) { try await store.sql.update("audit_event").set("action", to: "forged").run() }
            await #expect(throws: (any Error).self) { try await store.sql.delete(from: "audit_event").run() }
            let events = try await PersonQueries(store: store, registry: StoreFixtures.registry).count(table: .auditEvent)
            #expect(events == 1)
        }
    }

    @Test(arguments: TestDatabases.engines)
    func transferRulesAndIdentityRulesAreCheckedBeforeWriting(engine: DatabaseEngine) async throws {
        try await TestDatabases.withFreshStore(engine) { store in
            var moved = StoreFixtures.person()
            moved.cohortStatus = .transferred
            let transferred = moved
            do {
                try await store.change(by: .system("test"), at: fixedNow) { tx in _ = try await tx.createPerson(transferred) }
                Issue.record("a transfer without a destination was accepted")
            } catch let failure as ValidationFailure {
                #expect(failure.violations.map(\.rule) == ["NCCIS 13"])
            }
            #expect(try await PersonQueries(store: store, registry: StoreFixtures.registry).count(table: .youngPerson) == 0)
        }
    }

    @Test(arguments: TestDatabases.engines)
    func aNewAddressClosesThePreviousOneTheDayBefore(engine: DatabaseEngine) async throws {
        try await TestDatabases.withFreshStore(engine) { store in
            let id = try await store.change(by: .system("test"), at: fixedNow) { tx in
                let id = try await tx.createPerson(StoreFixtures.person())
                try await tx.addAddress(
                    AddressRecord(lines: ["12 Mill Lane"], town: "Kelstow", county: nil, postcode: "NM4 7QT", ward: "Kelstow North", validFrom: d("2020-01-01")),
                    for: id)
                try await tx.addAddress(
                    AddressRecord(lines: ["3 Jubilee Close"], town: "Northmere", county: nil, postcode: "NM1 2AB", ward: "Castle", validFrom: d("2026-05-01")),
                    for: id)
                return id
            }
            let rows = try await store.sql.select().columns("postcode", "valid_to").from("address")
                .where("person_id", .equal, id).orderBy("valid_from").all()
            #expect(try rows.map { try $0.decode(column: "valid_to", as: String?.self) } == ["2026-04-30", nil])
        }
    }
}

extension Actor {
    /// A user actor for tests that have no user row (provenance keeps the label only).
    var withoutUserRow: Actor { Actor(userID: nil, source: "user", label: label) }
}
