import Foundation
import SQLKit
import Testing
import WaymarkCore
import WaymarkStore
import WaymarkTestSupport

/// The outbox on both engines: one claim per message, back-off, permanent
/// failures, and a crash that never turns into a second send.
@Suite struct OutboxTests {
    static func queue(_ store: Store, channels: [String]) async throws -> (person: Int64, messages: [Int64]) {
        try await store.change(by: .system("test"), at: fixedNow) { tx in
            let person = try await tx.createPerson(StoreFixtures.person())
            var ids: [Int64] = []
            for (index, channel) in channels.enumerated() {
                ids.append(try await tx.enqueue(
                    NewOutboxMessage(campaignID: nil, channel: channel, recipient: channel == "email" ? "amara@example.com" : "07700900123",
                                     subject: nil, body: "Hello \(index)", notBefore: fixedNow), for: person))
            }
            return (person, ids)
        }
    }

    @Test(arguments: TestDatabases.engines)
    func eachMessageIsClaimedByOneWorkerAtATimeInOrder(_ engine: DatabaseEngine) async throws {
        try await TestDatabases.withFreshStore(engine) { store in
            let (_, ids) = try await Self.queue(store, channels: ["sms", "sms", "email"])
            let outbox = Outbox(store: store)
            let first = try await outbox.claimNext(worker: "a", now: fixedNow, lease: 60)
            let second = try await outbox.claimNext(worker: "b", now: fixedNow, lease: 60)
            let third = try await outbox.claimNext(worker: "a", now: fixedNow, lease: 60)
            #expect([first?.id, second?.id, third?.id] == ids.map { Optional($0) })
            #expect(try await outbox.claimNext(worker: "c", now: fixedNow, lease: 60) == nil, "nothing left to claim")
            #expect(first?.status == .sending && first?.attempts == 1)
            await #expect(throws: OutboxError.self) { try await outbox.markSent(ids[0], worker: "b", providerReference: nil, now: fixedNow) }
            try await outbox.markSent(ids[0], worker: "a", providerReference: "gw-1", now: fixedNow)
            #expect(try await outbox.message(ids[0])?.status == .sent)
        }
    }

    @Test(arguments: TestDatabases.engines)
    func concurrentWorkersNeverClaimTheSameMessage(_ engine: DatabaseEngine) async throws {
        try await TestDatabases.withFreshStore(engine) { store in
            let (_, ids) = try await Self.queue(store, channels: Array(repeating: "sms", count: 40))
            let outbox = Outbox(store: store)
            let claimed = try await withThrowingTaskGroup(of: [Int64].self) { group in
                for worker in 0..<4 {
                    group.addTask {
                        var mine: [Int64] = []
                        while let message = try await outbox.claimNext(worker: "w\(worker)", now: fixedNow, lease: 60) { mine.append(message.id) }
                        return mine
                    }
                }
                return try await group.reduce(into: []) { $0 += $1 }
            }
            #expect(claimed.count == ids.count && Set(claimed) == Set(ids), "every message claimed exactly once")
        }
    }

    @Test(arguments: TestDatabases.engines)
    func passingFailuresBackOffAndPermanentOnesStop(_ engine: DatabaseEngine) async throws {
        try await TestDatabases.withFreshStore(engine) { store in
            let (_, ids) = try await Self.queue(store, channels: ["sms", "sms"])
            let outbox = Outbox(store: store)
            let policy = RetryPolicy()
            var now = fixedNow
            for attempt in 1...policy.maxAttempts {
                let message = try #require(try await outbox.claimNext(worker: "w", now: now, lease: 60), "attempt \(attempt) is due")
                #expect(message.id == ids[0] && message.attempts == attempt)
                try await outbox.markFailed(message.id, worker: "w", reason: "gateway busy", permanent: false, attempts: attempt, policy: policy, now: now)
                if attempt < policy.maxAttempts {
                    let early = try await outbox.claimNext(worker: "w", now: now.addingTimeInterval(policy.delay(afterAttempt: attempt) - 1), lease: 60)
                    #expect(early?.id != ids[0], "not retried before its back-off")
                    if let early { try await outbox.markFailed(early.id, worker: "w", reason: "x", permanent: true, attempts: 1, policy: policy, now: now) }
                }
                now = now.addingTimeInterval(policy.delay(afterAttempt: attempt))
            }
            let gaveUp = try #require(try await outbox.message(ids[0]))
            #expect(gaveUp.status == .failed && gaveUp.lastError == "gateway busy")
            #expect(try await outbox.message(ids[1])?.status == .failed, "a permanent failure is not retried")
        }
    }

    @Test(arguments: TestDatabases.engines)
    func aCrashMidSendRequeuesTextsWithTheSameKeyAndHoldsEmailsForAPerson(_ engine: DatabaseEngine) async throws {
        try await TestDatabases.withFreshStore(engine) { store in
            let (_, ids) = try await Self.queue(store, channels: ["sms", "email"])
            let outbox = Outbox(store: store)
            let text = try #require(try await outbox.claimNext(worker: "dies", now: fixedNow, lease: 60))
            _ = try #require(try await outbox.claimNext(worker: "dies", now: fixedNow, lease: 60))
            // the worker stops here; after a restart, nothing is claimable until the leases run out
            #expect(try await outbox.recoverExpiredClaims(now: fixedNow.addingTimeInterval(30), canResendSafely: { $0 == "sms" }) == (0, 0))
            #expect(try await outbox.claimNext(worker: "new", now: fixedNow.addingTimeInterval(30), lease: 60) == nil)
            let later = fixedNow.addingTimeInterval(61)
            #expect(try await outbox.recoverExpiredClaims(now: later, canResendSafely: { $0 == "sms" }) == (1, 1))
            let again = try #require(try await outbox.claimNext(worker: "new", now: later, lease: 60))
            #expect(again.id == ids[0] && again.idempotencyKey == text.idempotencyKey, "the text goes again with the key the gateway has seen")
            #expect(try await outbox.message(ids[1])?.status == .uncertain, "the e-mail is not sent twice: a person decides")
            #expect(try await outbox.claimNext(worker: "new", now: later, lease: 60) == nil)
            await #expect(throws: OutboxError.self) { try await outbox.markSent(ids[0], worker: "dies", providerReference: nil, now: later) }
        }
    }

    @Test(arguments: TestDatabases.engines)
    func deliveryReportsFindTheirMessage(_ engine: DatabaseEngine) async throws {
        try await TestDatabases.withFreshStore(engine) { store in
            let (_, ids) = try await Self.queue(store, channels: ["sms"])
            let outbox = Outbox(store: store)
            _ = try await outbox.claimNext(worker: "w", now: fixedNow, lease: 60)
            try await outbox.markSent(ids[0], worker: "w", providerReference: "gw-77", now: fixedNow)
            #expect(try await outbox.recordDeliveryReport(providerReference: "gw-77", delivered: true, detail: nil, now: fixedNow) == ids[0])
            #expect(try await outbox.message(ids[0])?.status == .delivered)
            #expect(try await outbox.recordDeliveryReport(providerReference: "unknown", delivered: true, detail: nil, now: fixedNow) == nil)
        }
    }
}
