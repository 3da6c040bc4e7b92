import Testing
import WaymarkTestSupport

@testable import WaymarkStore
import SQLKit

struct AuditChainTamperingTests {
    @Test(arguments: TestDatabases.engines)
    func aCleanTrailHoldsAndNamesItsNewestEvent(engine: DatabaseEngine) async throws {
        try await TestDatabases.withFreshStore(engine) { store in
            // given single events, and several in one change
            try await AuditTrailFixtures.writeEvents(3, to: store)
            let personID = try await store.change(by: .system("test"), at: fixedNow) { tx in
                let id = try await tx.createPerson(StoreFixtures.person())
                try await tx.audit(.view, entity: "young_person", entityID: id, personID: id)
                return id
            }
            // when
            let outcome = try await AuditTrailFixtures.verify(store)
            // then
            let events = try await PersonQueries(store: store, registry: StoreFixtures.registry).count(table: .auditEvent)
            #expect(outcome.holds)
            #expect(outcome.checked == events)
            #expect(events >= 5)
            #expect(outcome.headID == Int64(events))
            #expect(outcome.headHash?.count == 64)
            #expect(personID == 1)
        }
    }

    @Test(arguments: TestDatabases.engines)
    func anEmptyTrailHolds(engine: DatabaseEngine) async throws {
        try await TestDatabases.withFreshStore(engine) { store in
            let outcome = try await AuditTrailFixtures.verify(store)
            #expect(outcome.holds)
            #expect(outcome.checked == 0)
            #expect(outcome.headID == nil)
        }
    }

    @Test(arguments: TestDatabases.engines)
    func aChangedDetailIsFoundAtItsEvent(engine: DatabaseEngine) async throws {
        try await TestDatabases.withFreshStore(engine) { store in
            try await AuditTrailFixtures.writeEvents(5, to: store)
            try await AuditTrailFixtures.liftAppendOnly(store)
            // when
            try await store.sql.raw("UPDATE audit_event SET detail = 'nothing to see' WHERE id = 3").run()
            // then
            let outcome = try await AuditTrailFixtures.verify(store)
            #expect(outcome.firstBreak == .changed(eventID: 3))
            #expect(outcome.checked == 2)
        }
    }

    @Test(arguments: TestDatabases.engines)
    func aChangedActorIsFoundEvenWithItsHashRecomputed(engine: DatabaseEngine) async throws {
        try await TestDatabases.withFreshStore(engine) { store in
            try await AuditTrailFixtures.writeEvents(4, to: store)
            try await AuditTrailFixtures.liftAppendOnly(store)
            // given an intruder who re-hashes the row they changed
            var rows = try await AuditEventRows.read(after: 1, limit: 1, on: store.sql)
            rows[0].content.actor = "user:99"
            let rehashed = AuditChain.link(after: try #require(rows[0].previousHash), rows[0].content)
            try await store.sql.raw("UPDATE audit_event SET actor = 'user:99', chain_hash = \(bind: rehashed) WHERE id = 2").run()
            // then the next event no longer follows it
            let outcome = try await AuditTrailFixtures.verify(store)
            #expect(outcome.firstBreak == .brokenLink(eventID: 3, after: 2))
        }
    }

    @Test(arguments: TestDatabases.engines)
    func aDeletedEventIsFoundAtTheOneAfterIt(engine: DatabaseEngine) async throws {
        try await TestDatabases.withFreshStore(engine) { store in
            try await AuditTrailFixtures.writeEvents(5, to: store)
            try await AuditTrailFixtures.liftAppendOnly(store)
            // when
            try await store.sql.raw("DELETE FROM audit_event WHERE id = 3").run()
            // then
            let outcome = try await AuditTrailFixtures.verify(store)
            #expect(outcome.firstBreak == .brokenLink(eventID: 4, after: 2))
            #expect(outcome.checked == 2)
        }
    }

    @Test(arguments: TestDatabases.engines)
    func deletingTheFirstEventIsFound(engine: DatabaseEngine) async throws {
        try await TestDatabases.withFreshStore(engine) { store in
            try await AuditTrailFixtures.writeEvents(3, to: store)
            try await AuditTrailFixtures.liftAppendOnly(store)
            try await store.sql.raw("DELETE FROM audit_event WHERE id = 1").run()
            let outcome = try await AuditTrailFixtures.verify(store)
            #expect(outcome.firstBreak == .brokenLink(eventID: 2, after: nil))
            #expect(outcome.checked == 0)
        }
    }

    @Test(arguments: TestDatabases.engines)
    func anInsertedEventIsFoundEvenWhenItIsWellFormed(engine: DatabaseEngine) async throws {
        try await TestDatabases.withFreshStore(engine) { store in
            try await AuditTrailFixtures.writeEvents(3, to: store)
            // given an event slipped in before the first, hashed as Waymark would
            let forged = AuditEventContent(
                id: 0, occurredAt: "2026-01-01T00:00:00Z", actorUserID: 7, actor: "user:7", action: "view", entity: "young_person",
                entityID: 1, personID: 1, detail: nil)
            let hash = AuditChain.link(after: AuditChain.genesis, forged)
            try await store.sql.raw("""
                INSERT INTO audit_event (id, occurred_at, actor_user_id, actor, action, entity, entity_id, person_id, previous_hash, chain_hash)
                VALUES (0, '2026-01-01T00:00:00Z', 7, 'user:7', 'view', 'young_person', 1, 1, \(bind: AuditChain.genesis), \(bind: hash))
                """).run()
            // then the real first event no longer follows the event before it
            let outcome = try await AuditTrailFixtures.verify(store)
            #expect(outcome.firstBreak == .brokenLink(eventID: 1, after: 0))
            #expect(outcome.checked == 1)
        }
    }

    @Test(arguments: TestDatabases.engines)
    func anEventWrittenAroundWaymarkIsFound(engine: DatabaseEngine) async throws {
        try await TestDatabases.withFreshStore(engine) { store in
            try await AuditTrailFixtures.writeEvents(2, to: store)
            try await store.sql.raw("""
                INSERT INTO audit_event (id, occurred_at, actor, action, entity) VALUES (3, '2026-01-01T00:00:00Z', 'user:7', 'view', 'young_person')
                """).run()
            let outcome = try await AuditTrailFixtures.verify(store)
            #expect(outcome.firstBreak == .unchained(eventID: 3))
            #expect(outcome.checked == 2)
        }
    }
}
