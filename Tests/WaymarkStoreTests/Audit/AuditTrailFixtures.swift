import SQLKit
import WaymarkStore

/// Writes and tampers with audit trails for the chain tests.
enum AuditTrailFixtures {
    /// `count` changes of one event each, so event ids run 1...count.
    static func writeEvents(_ count: Int, to store: Store) async throws {
        for number in 1...count {
            try await store.change(by: .user(7), at: fixedNow) { tx in
                try await tx.audit(.view, entity: "young_person", entityID: Int64(number), personID: Int64(number), detail: "page \(number)")
            }
        }
    }

    /// What an intruder with the owner's rights would do first.
    static func liftAppendOnly(_ store: Store) async throws {
        switch store.database.engine {
        case .sqlite:
            try await store.sql.raw("DROP TRIGGER audit_event_no_update").run()
            try await store.sql.raw("DROP TRIGGER audit_event_no_delete").run()
        case .postgres:
            try await store.sql.raw("DROP TRIGGER audit_event_append_only ON audit_event").run()
        }
    }

    static func verify(_ store: Store) async throws -> AuditTrailVerifier.Outcome {
        var verifier = AuditTrailVerifier(store: store)
        // Small pages, so walking across page boundaries is exercised too.
        verifier.rowsPerRead = 2
        return try await verifier.verify()
    }
}
