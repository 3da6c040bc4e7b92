import Foundation
import Logging
import Testing
import WaymarkApp
import WaymarkRecords
import WaymarkStore
import WaymarkTestSupport

/// The job runner on both engines: the concurrency limit, failures with
/// their messages, and a killed worker's job finished by the next runner.
@Suite struct JobRunnerTests {
    static let now = Date(timeIntervalSince1970: 1_795_000_000)

    /// Holds every job that enters until released, counting how many are inside at once.
    actor Gate {
        private(set) var inside = 0
        private(set) var most = 0
        private(set) var finished = 0
        private var released = false
        private var waiting: [CheckedContinuation<Void, Never>] = []

        func pass() async {
            inside += 1
            most = max(most, inside)
            if !released { await withCheckedContinuation { waiting.append($0) } }
            inside -= 1
            finished += 1
        }

        func release() {
            released = true
            waiting.forEach { $0.resume() }
            waiting = []
        }
    }

    struct GatedHandler: JobHandler {
        let gate: Gate

        func run(_ job: StoredJob, progress: JobProgress) async throws -> JobOutcome {
            try await progress(done: 1, total: 2)
            await gate.pass()
            return JobOutcome(result: "{\"job\":\(job.id)}")
        }
    }

    struct Thrower: JobHandler {
        let error: any Error & Sendable

        func run(_ job: StoredJob, progress: JobProgress) async throws -> JobOutcome { throw error }
    }

    struct PersonalError: Error, CustomStringConvertible {
        var description: String { "constraint failed for Amara Okafor, born 2009-03-14" }
    }

    static func runner(_ store: Store, _ handlers: [String: any JobHandler], concurrency: Int = 1) -> JobRunner {
        JobRunner(store: store, handlers: handlers, settings: JobRunner.Settings(concurrency: concurrency, pollInterval: .milliseconds(10)),
                  logger: .init(label: "test"), now: { now })
    }

    static func enqueue(_ store: Store, kind: String, key: String) async throws -> Int64 {
        try await JobQueue(store: store).enqueue(kind: kind, requestKey: key, parameters: "{}", requestedBy: nil, at: now).job.id
    }

    /// Waits (boundedly) for a condition the runner brings about on its own time.
    static func eventually(_ condition: () async throws -> Bool) async throws -> Bool {
        for _ in 0..<1_000 {
            if try await condition() { return true }
            try await Task.sleep(for: .milliseconds(10))
        }
        return false
    }

    @Test(arguments: TestDatabases.engines)
    func noMoreJobsRunAtOnceThanTheLimit(_ engine: DatabaseEngine) async throws {
        try await TestDatabases.withFreshStore(engine) { store in
            let gate = Gate()
            var ids: [Int64] = []
            for index in 0..<5 { ids.append(try await Self.enqueue(store, kind: "gated", key: "gated \(index)")) }
            let runner = Self.runner(store, ["gated": GatedHandler(gate: gate)], concurrency: 2)
            let running = Task { await runner.run() }
            defer { running.cancel() }
            #expect(try await Self.eventually { await gate.inside == 2 })
            // Many poll rounds pass with both slots held; a third claim would show here and in the table.
            for _ in 0..<30 { try await Task.sleep(for: .milliseconds(10)) }
            #expect(await gate.most == 2)
            let jobs = try await JobQueue(store: store).recent(kind: "gated")
            #expect(jobs.filter { $0.status == .running }.count == 2)
            #expect(jobs.filter { $0.status == .queued }.count == 3)
            #expect(jobs.filter { $0.status == .running }.allSatisfy { $0.progressDone == 1 && $0.progressTotal == 2 }, "progress is visible while running")

            await gate.release()
            #expect(try await Self.eventually { try await JobQueue(store: store).recent(kind: "gated").allSatisfy { $0.status == .done } })
            #expect(await gate.most == 2)
            for id in ids { #expect(try await JobQueue(store: store).job(id)?.result == "{\"job\":\(id)}") }
            running.cancel()
            await running.value
        }
    }

    @Test(arguments: TestDatabases.engines)
    func aFailureIsRecordedWithItsMessageAndOtherErrorsKeepNoRecordData(_ engine: DatabaseEngine) async throws {
        try await TestDatabases.withFreshStore(engine) { store in
            let told = try await Self.enqueue(store, kind: "told", key: "told")
            let unexpected = try await Self.enqueue(store, kind: "unexpected", key: "unexpected")
            let unknown = try await Self.enqueue(store, kind: "nobody-runs-this", key: "unknown")
            let runner = Self.runner(store, [
                "told": Thrower(error: JobFailure("The return was not written: 2 record(s) with error 240.")),
                "unexpected": Thrower(error: PersonalError()),
            ])
            #expect(await runner.drain() == 3)
            let queue = JobQueue(store: store)
            let toldJob = try #require(try await queue.job(told))
            #expect(toldJob.status == .failed && toldJob.error == "The return was not written: 2 record(s) with error 240.")
            let unexpectedJob = try #require(try await queue.job(unexpected))
            #expect(unexpectedJob.status == .failed)
            #expect(unexpectedJob.error?.contains("job \(unexpected)") == true)
            #expect(unexpectedJob.error?.contains("Amara") == false, "an error's own text may hold personal data and is not stored")
            #expect(try await queue.job(unknown)?.error?.contains("does not know how to run a nobody-runs-this job") == true)
        }
    }

    @Test(arguments: TestDatabases.engines)
    func aKilledWorkersJobIsFinishedByTheNextRunner(_ engine: DatabaseEngine) async throws {
        try await TestDatabases.withFreshStore(engine) { store in
            let id = try await Self.enqueue(store, kind: "gated", key: "abandoned")
            // A worker claimed it two minutes ago and has not been heard from since.
            let queue = JobQueue(store: store)
            #expect(try await queue.claimNext(worker: "killed", now: Self.now.addingTimeInterval(-120), staleAfter: 60)?.id == id)
            let gate = Gate()
            await gate.release()
            #expect(await Self.runner(store, ["gated": GatedHandler(gate: gate)]).drain() == 1)
            let job = try #require(try await queue.job(id))
            #expect(job.status == .done && job.claims == 2 && job.claimedBy != "killed")
            #expect(await gate.finished == 1)
            #expect(try await queue.finish(id, worker: "killed", result: nil, reference: nil, durationMilliseconds: 0, now: Self.now) == false)
        }
    }
}
