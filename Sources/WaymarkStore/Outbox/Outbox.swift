import Foundation
import SQLKit

/// The workers' side of the outbox. Claims are leases written to the
/// database, so any number of workers on any number of servers can share the
/// queue: a message is claimed by one worker at a time, and a worker that
/// dies leaves a lease that expires.
public struct Outbox: Sendable {
    let store: Store

    public init(store: Store) {
        self.store = store
    }

    /// Claims the next due message for `worker` until `now + lease`, or nil when none is due.
    public func claimNext(worker: String, now: Date, lease: TimeInterval) async throws -> OutboxMessage? {
        let nowText = Timestamp.format(now)
        // PostgreSQL skips rows another worker has locked; SQLite has one writer, so the update is already exclusive.
        let lock = store.database.engine == .postgres ? " FOR UPDATE SKIP LOCKED" : ""
        return try await store.database.transaction { db in
            try await db.raw("""
                UPDATE outbox_message SET status = 'sending', claimed_by = \(bind: worker),
                  claim_expires_at = \(bind: Timestamp.format(now.addingTimeInterval(lease))), attempts = attempts + 1
                WHERE status = 'queued' AND id = (
                  SELECT id FROM outbox_message WHERE status = 'queued' AND next_attempt_at <= \(bind: nowText)
                  ORDER BY next_attempt_at, id LIMIT 1\(unsafeRaw: lock))
                RETURNING *
                """).first().map(OutboxMessage.decode)
        }
    }

    /// Records a delivery to the provider. Only the worker holding the claim may.
    public func markSent(_ id: Int64, worker: String, providerReference: String?, now: Date) async throws {
        try await finish(id, worker: worker, now: now, set: [("status", OutboxStatus.sent.rawValue), ("sent_at", Timestamp.format(now)),
                                                             ("provider_reference", providerReference), ("last_error", nil)], audit: "sent")
    }

    /// Records a failed attempt: retried later with back-off when the reason may pass, failed for good otherwise or after the last attempt.
    public func markFailed(_ id: Int64, worker: String, reason: String, permanent: Bool, attempts: Int, policy: RetryPolicy, now: Date) async throws {
        let giveUp = permanent || attempts >= policy.maxAttempts
        let next = Timestamp.format(now.addingTimeInterval(policy.delay(afterAttempt: attempts)))
        try await finish(
            id, worker: worker, now: now,
            set: [("status", giveUp ? OutboxStatus.failed.rawValue : OutboxStatus.queued.rawValue), ("next_attempt_at", next),
                  ("last_error", String(reason.prefix(500)))],
            audit: giveUp ? "failed" : "retry")
    }

    /// After a crash: claims whose lease has run out go back to the queue when
    /// the channel can send the same idempotency key again safely, and are
    /// marked uncertain (for a person to decide) when it cannot.
    public func recoverExpiredClaims(now: Date, canResendSafely: @escaping @Sendable (String) -> Bool) async throws -> (requeued: Int, uncertain: Int) {
        try await store.change(by: .system("outbox"), at: now) { tx in
            let expired = try await tx.db.select().columns("id", "person_id", "channel").from("outbox_message")
                .where("status", .equal, OutboxStatus.sending.rawValue)
                .where("claim_expires_at", .lessThan, Timestamp.format(now))
                .all()
            var counts = (requeued: 0, uncertain: 0)
            for row in expired {
                let id = try row.decode(column: "id", as: Int64.self)
                let safe = canResendSafely(try row.decode(column: "channel", as: String.self))
                try await tx.db.update("outbox_message")
                    .set("status", to: safe ? OutboxStatus.queued.rawValue : OutboxStatus.uncertain.rawValue)
                    .set("claimed_by", to: SQLLiteral.null).set("claim_expires_at", to: SQLLiteral.null)
                    .where("id", .equal, id).where("status", .equal, OutboxStatus.sending.rawValue)
                    .run()
                try await tx.audit(.update, entity: "outbox_message", entityID: id, personID: try row.decode(column: "person_id", as: Int64.self),
                                   detail: safe ? "claim-expired-requeued" : "claim-expired-uncertain")
                if safe { counts.requeued += 1 } else { counts.uncertain += 1 }
            }
            return counts
        }
    }

    /// A delivery report from the provider, matched by its reference.
    public func recordDeliveryReport(providerReference: String, delivered: Bool, detail: String?, now: Date) async throws -> Int64? {
        try await store.change(by: .system("gateway"), at: now) { tx in
            guard let row = try await tx.db.select().columns("id", "person_id").from("outbox_message")
                .where("provider_reference", .equal, providerReference).first()
            else { return nil }
            let id = try row.decode(column: "id", as: Int64.self)
            try await tx.db.update("outbox_message")
                .set("status", to: delivered ? OutboxStatus.delivered.rawValue : OutboxStatus.failed.rawValue)
                .set("last_error", to: SQLBind(delivered ? nil : String((detail ?? "not delivered").prefix(500))))
                .where("id", .equal, id).run()
            try await tx.audit(.update, entity: "outbox_message", entityID: id, personID: try row.decode(column: "person_id", as: Int64.self),
                               detail: delivered ? "delivered" : "undelivered")
            return id
        }
    }

    public func message(_ id: Int64) async throws -> OutboxMessage? {
        try await store.sql.select().column("*").from("outbox_message").where("id", .equal, id).first().map(OutboxMessage.decode)
    }

    private func finish(_ id: Int64, worker: String, now: Date, set values: [(String, String?)], audit detail: String) async throws {
        try await store.change(by: .system("outbox"), at: now) { tx in
            guard let row = try await tx.db.select().columns("person_id").from("outbox_message")
                .where("id", .equal, id).where("status", .equal, OutboxStatus.sending.rawValue).where("claimed_by", .equal, worker).first()
            else { throw OutboxError.notClaimed(id: id, worker: worker) }
            var update = tx.db.update("outbox_message")
            for (column, value) in values { update = update.set(column, to: SQLBind(value)) }
            try await update.set("claimed_by", to: SQLLiteral.null).set("claim_expires_at", to: SQLLiteral.null).where("id", .equal, id).run()
            try await tx.audit(.update, entity: "outbox_message", entityID: id, personID: try row.decode(column: "person_id", as: Int64.self), detail: detail)
        }
    }
}

/// A worker tried to finish a message it does not hold (its lease ran out and another took it).
public enum OutboxError: Error, Equatable, CustomStringConvertible {
    case notClaimed(id: Int64, worker: String)

    public var description: String {
        switch self {
        case .notClaimed(let id, let worker): "outbox message \(id) is not claimed by \(worker)"
        }
    }
}
