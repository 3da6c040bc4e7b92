import Foundation
import Testing
import WaymarkRecords
import WaymarkStore
import WaymarkTestSupport

/// The job table on both engines: one claimer per job, identical requests
/// joined, abandoned jobs claimed again, and a stopped worker locked out.
@Suite struct JobQueueTests {
    static func enqueue(_ queue: JobQueue, key: String, at now: Date = fixedNow) async throws -> (job: StoredJob, joined: Bool) {
        try await queue.enqueue(kind: "test", requestKey: key, parameters: "{}", requestedBy: nil, at: now)
    }

    @Test(arguments: TestDatabases.engines)
    func concurrentClaimersNeverClaimTheSameJob(_ engine: DatabaseEngine) async throws {
        try await TestDatabases.withFreshStore(engine) { store in
            let queue = JobQueue(store: store)
            for index in 0..<16 { _ = try await Self.enqueue(queue, key: "job \(index)") }
            let claimed = try await withThrowingTaskGroup(of: [Int64].self) { group in
                for worker in 0..<3 {
                    group.addTask {
                        var mine: [Int64] = []
                        while let job = try await queue.claimNext(worker: "worker-\(worker)", now: fixedNow, staleAfter: 60) { mine.append(job.id) }
                        return mine
                    }
                }
                return try await group.reduce(into: [Int64]()) { $0 += $1 }
            }
            #expect(claimed.count == 16, "every job is claimed")
            #expect(Set(claimed).count == 16, "and none twice")
        }
    }

    @Test(arguments: TestDatabases.engines)
    func anIdenticalRequestJoinsTheActiveJobAndAFinishedOneDoesNot(_ engine: DatabaseEngine) async throws {
        try await TestDatabases.withFreshStore(engine) { store in
            let queue = JobQueue(store: store)
            let first = try await Self.enqueue(queue, key: "figures 2026-10")
            let second = try await Self.enqueue(queue, key: "figures 2026-10")
            #expect(!first.joined && second.joined && second.job.id == first.job.id)
            let other = try await Self.enqueue(queue, key: "figures 2026-09")
            #expect(!other.joined && other.job.id != first.job.id)

            let running = try #require(try await queue.claimNext(worker: "a", now: fixedNow, staleAfter: 60))
            #expect(running.id == first.job.id)
            #expect(try await Self.enqueue(queue, key: "figures 2026-10").job.id == first.job.id, "a running job is joined too")
            #expect(try await queue.finish(running.id, worker: "a", result: #"{"n":1}"#, reference: nil, durationMilliseconds: 3_100, now: fixedNow))
            let later = try await Self.enqueue(queue, key: "figures 2026-10")
            #expect(!later.joined && later.job.id != first.job.id, "once done, asking again starts new work")

            let done = try #require(try await queue.latest(requestKey: "figures 2026-10", status: .done))
            #expect(done.id == first.job.id && done.result == #"{"n":1}"# && done.durationMilliseconds == 3_100)
            #expect(try await queue.active(requestKey: "figures 2026-10")?.id == later.job.id)
        }
    }

    @Test(arguments: TestDatabases.engines)
    func aJobWhoseWorkerStoppedBeatingIsClaimedAgainAndTheOldWorkerLockedOut(_ engine: DatabaseEngine) async throws {
        try await TestDatabases.withFreshStore(engine) { store in
            let queue = JobQueue(store: store)
            let id = try await Self.enqueue(queue, key: "scan").job.id
            #expect(try await queue.claimNext(worker: "a", now: fixedNow, staleAfter: 60)?.id == id)
            #expect(try await queue.heartbeat(id, worker: "a", now: fixedNow.addingTimeInterval(50)))
            #expect(try await queue.claimNext(worker: "b", now: fixedNow.addingTimeInterval(100), staleAfter: 60) == nil,
                    "a job that beat 50 seconds ago is still its worker's")

            let reclaimed = try #require(try await queue.claimNext(worker: "b", now: fixedNow.addingTimeInterval(111), staleAfter: 60))
            #expect(reclaimed.id == id && reclaimed.claims == 2 && reclaimed.claimedBy == "b")
            #expect(try await queue.progress(id, worker: "a", done: 5, total: 10, now: fixedNow.addingTimeInterval(112)) == false)
            #expect(try await queue.finish(id, worker: "a", result: "late", reference: nil, durationMilliseconds: 1, now: fixedNow) == false,
                    "the stopped worker can no longer finish it")
            #expect(try await queue.progress(id, worker: "b", done: 5, total: 10, now: fixedNow.addingTimeInterval(112)))
            #expect(try await queue.job(id)?.progressDone == 5)
            #expect(try await queue.finish(id, worker: "b", result: "ok", reference: "file.xml", durationMilliseconds: 1, now: fixedNow))
            let job = try #require(try await queue.job(id))
            #expect(job.status == .done && job.result == "ok" && job.resultReference == "file.xml" && job.progressDone == 10)
            #expect(try await queue.finish(id, worker: "b", result: "again", reference: nil, durationMilliseconds: 1, now: fixedNow) == false,
                    "finishing twice changes nothing")
        }
    }

    @Test(arguments: TestDatabases.engines)
    func aJobThatStopsEveryWorkerIsFailedNotClaimedForever(_ engine: DatabaseEngine) async throws {
        try await TestDatabases.withFreshStore(engine) { store in
            let queue = JobQueue(store: store)
            let id = try await Self.enqueue(queue, key: "poison").job.id
            var now = fixedNow
            for attempt in 1...3 {
                #expect(try await queue.claimNext(worker: "w\(attempt)", now: now, staleAfter: 60, maxClaims: 3)?.id == id)
                now = now.addingTimeInterval(61)
            }
            #expect(try await queue.claimNext(worker: "w4", now: now, staleAfter: 60, maxClaims: 3) == nil)
            let job = try #require(try await queue.job(id))
            #expect(job.status == .failed && job.error?.contains("started 3 times") == true)
        }
    }

    @Test(arguments: TestDatabases.engines)
    func aFailureKeepsItsMessage(_ engine: DatabaseEngine) async throws {
        try await TestDatabases.withFreshStore(engine) { store in
            let queue = JobQueue(store: store)
            let id = try await Self.enqueue(queue, key: "return").job.id
            _ = try await queue.claimNext(worker: "a", now: fixedNow, staleAfter: 60)
            #expect(try await queue.fail(id, worker: "a", message: "The return was not written: 3 records with error 240.",
                                         durationMilliseconds: 20, now: fixedNow))
            let failed = try #require(try await queue.latest(requestKey: "return", status: .failed))
            #expect(failed.id == id && failed.error == "The return was not written: 3 records with error 240.")
            #expect(try await queue.active(requestKey: "return") == nil)
        }
    }
}
