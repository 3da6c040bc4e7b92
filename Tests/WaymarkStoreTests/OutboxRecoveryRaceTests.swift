import Foundation
import SQLKit
import Testing
import WaymarkCore
import WaymarkRecords
import WaymarkStore
import WaymarkTestSupport

/// Two workers recovering the same expired claim at once on PostgreSQL: one
/// has already put it back and claimed it afresh when the other, which read
/// it as expired a moment earlier, gets to its row. That fresh claim is a
/// live worker's and must stay its own.
@Suite struct OutboxRecoveryRaceTests {
    @Test(.enabled(if: TestDatabases.postgresURL != nil))
    func aRecoveryThatReadAClaimAsExpiredDoesNotTakeTheFreshClaimMadeMeanwhile() async throws {
        try await TestDatabases.withFreshStore(.postgres) { store in
            let (_, ids) = try await OutboxTests.queue(store, channels: ["sms"])
            let outbox = Outbox(store: store)
            _ = try await outbox.claimNext(worker: "dies", now: fixedNow, lease: 60)
            let later = fixedNow.addingTimeInterval(61)
            // Worker A recovers and claims the text again, in a transaction held open…
            let workerA = try await RowLock.hold(store, """
                UPDATE outbox_message SET claimed_by = 'a', claim_expires_at = \(bind: Timestamp.format(later.addingTimeInterval(300)))
                WHERE id = \(bind: ids[0])
                """)
            // …while worker B reads the old claim as expired and reaches the row.
            let workerB = Task { try await outbox.recoverExpiredClaims(now: later, canResendSafely: { _ in true }) }
            let recovered = try await workerA.releasing {
                let stopped = try await PostgresSessions.waitUntilBlocked(by: workerA, store)
                #expect(stopped.contains("outbox_message"), "\(stopped)")
                return workerB
            }.value
            #expect(recovered.requeued == 0 && recovered.uncertain == 0, "nothing was B's to recover")
            let message = try #require(try await outbox.message(ids[0]))
            #expect(message.status == .sending)
            try await outbox.markSent(ids[0], worker: "a", providerReference: "gw-1", now: later)
            #expect(try await outbox.message(ids[0])?.status == .sent, "A still holds its claim and records the send")
        }
    }
}
