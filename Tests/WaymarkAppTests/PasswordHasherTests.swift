import Foundation
import Testing
import WaymarkTestSupport
import WaymarkApp

/// bcrypt on its own threads: it round-trips, and a full queue says so at once.
@Suite struct PasswordHasherTests {
    @Test func aHashVerifiesItsPasswordAndNoOther() async throws {
        let hasher = PasswordHasher(threads: 1, queueLimit: 4)
        let hash = try await hasher.hash("correct horse battery", cost: 4)
        #expect(try await hasher.verify("correct horse battery", hash: hash))
        #expect(try await hasher.verify("correct horse battery!", hash: hash) == false)
        #expect(try await hasher.verify("anything", hash: nil) == false, "no account: checked against a dummy hash, never accepted")
        try await hasher.shutdown()
    }

    @Test func aFullQueueRefusesAPasswordCheckAtOnceButLetsASettingWait() async throws {
        // given one thread and no queue, held by a job that will not finish until released
        let hasher = PasswordHasher(threads: 1, queueLimit: 0)
        let gate = BlockingGate()
        let running = Task { try await hasher.run { gate.block() } }
        await gate.waitUntilBlocked()
        // then a check (what strangers ask for) is refused rather than queued
        await #expect(throws: PasswordHasherBusy.self) { _ = try await hasher.verify("one too many", hash: nil) }
        // while setting a password (only staff do) queues and finishes once the thread is free
        let setting = Task { try await hasher.hash("set by an administrator", cost: 4) }
        gate.release()
        _ = try await running.value
        #expect(try await hasher.verify("set by an administrator", hash: try await setting.value))
        try await hasher.shutdown()
    }
}
