import Foundation
import SQLKit
import Testing
import WaymarkTestSupport

@testable import WaymarkStore

struct AuditChainWritingTests {
    // PostgreSQL only: SQLite's one pooled connection already serialises writers,
    // and eighty queued requests can outlast the pool's wait on a busy machine.
    @Test(.enabled(if: TestDatabases.postgresURL != nil, "needs WAYMARK_TEST_POSTGRES_URL"))
    func concurrentWritersKeepOneChainOnPostgres() async throws {
        try await TestDatabases.withFreshStore(.postgres) { store in
            // when eight writers each make ten changes at once, some with two events
            try await withThrowingTaskGroup(of: Void.self) { group in
                for writer in 1...8 {
                    group.addTask {
                        for change in 1...10 {
                            try await store.change(by: .user(Int64(writer)), at: fixedNow) { tx in
                                try await tx.audit(.view, entity: "young_person", entityID: Int64(change), personID: nil, detail: "writer \(writer)")
                                if change.isMultiple(of: 3) {
                                    try await tx.audit(.update, entity: "young_person", entityID: Int64(change), personID: nil)
                                }
                            }
                        }
                    }
                }
                try await group.waitForAll()
            }
            // then
            let outcome = try await AuditTrailVerifier(store: store).verify()
            #expect(outcome.holds)
            #expect(outcome.checked == 8 * (10 + 3))
            #expect(outcome.headID == Int64(8 * 13))
        }
    }

    @Test(arguments: TestDatabases.engines)
    func aChangeThatFailsLeavesNoEventAndTheChainGoesOn(engine: DatabaseEngine) async throws {
        try await TestDatabases.withFreshStore(engine) { store in
            try await AuditTrailFixtures.writeEvents(2, to: store)
            struct Abandoned: Error {}
            await #expect(throws: Abandoned.self) {
                try await store.change(by: .user(7), at: fixedNow) { tx in
                    try await tx.audit(.view, entity: "young_person", entityID: 9, personID: 9)
                    throw Abandoned()
                }
            }
            try await AuditTrailFixtures.writeEvents(1, to: store)
            let outcome = try await AuditTrailVerifier(store: store).verify()
            #expect(outcome.holds)
            #expect(outcome.checked == 3)
            #expect(outcome.headID == 3)
        }
    }

    @Test(arguments: TestDatabases.engines)
    func theTrailStillRefusesUpdatesAndDeletes(engine: DatabaseEngine) async throws {
        try await TestDatabases.withFreshStore(engine) { store in
            try await AuditTrailFixtures.writeEvents(2, to: store)
            await #expect(throws: (any Error).self) { try await store.sql.raw("UPDATE audit_event SET detail = 'x' WHERE id = 1").run() }
            await #expect(throws: (any Error).self) { try await store.sql.raw("DELETE FROM audit_event WHERE id = 2").run() }
            #expect(try await AuditTrailVerifier(store: store).verify().checked == 2)
        }
    }

    @Test(.enabled(if: TestDatabases.postgresURL != nil, "needs WAYMARK_TEST_POSTGRES_URL"))
    func postgresRefusesTruncate() async throws {
        try await TestDatabases.withFreshStore(.postgres) { store in
            try await AuditTrailFixtures.writeEvents(2, to: store)
            await #expect(throws: (any Error).self) { try await store.sql.raw("TRUNCATE audit_event").run() }
            #expect(try await AuditTrailVerifier(store: store).verify().checked == 2)
        }
    }

    @Test(arguments: TestDatabases.engines)
    func eventsWrittenBeforeTheChainAreLinkedByTheMigration(engine: DatabaseEngine) async throws {
        try await TestDatabases.withFreshStore(engine) { store in
            // given the trail as migration 6 made it, holding events with gaps in their ids
            try await store.database.transaction { db in
                try await db.raw("DROP TABLE audit_event").run()
                if engine == .postgres { try await db.raw("DROP FUNCTION audit_event_append_only()").run() }
                try await M006AuditTrail().prepare(on: db, engine: engine)
                for id in [1, 2, 5] {
                    try await db.raw("""
                        INSERT INTO audit_event (id, occurred_at, actor, action, entity, detail)
                        VALUES (\(bind: id), '2025-06-01T09:00:00Z', 'system:old', 'view', 'young_person', \(bind: "old \(id)"))
                        """).run()
                }
            }
            // when
            try await store.database.transaction { db in try await M016AuditChain().prepare(on: db, engine: engine) }
            try await AuditTrailFixtures.writeEvents(1, to: store)
            // then
            let outcome = try await AuditTrailVerifier(store: store).verify()
            #expect(outcome.holds)
            #expect(outcome.checked == 4)
            #expect(outcome.headID == 6)
            await #expect(throws: (any Error).self) { try await store.sql.raw("UPDATE audit_event SET detail = 'x' WHERE id = 1").run() }
        }
    }
}
