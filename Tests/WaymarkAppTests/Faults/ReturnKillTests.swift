import Crypto
import Foundation
import Logging
import Testing
import WaymarkApp
import WaymarkCore
import WaymarkRecords
import WaymarkStore
import WaymarkTestSupport

/// A return job stopped while its file is being written, on both engines: the
/// first runner is held inside the real return handler, after the people were
/// read and before the file is complete; its claim goes stale, a second
/// runner finishes the job, and the first then wakes as a worker presumed dead
/// does. The process kill with the `waymark` executable is in ``FaultDrillTests``.
@Suite struct ReturnKillTests {
    static let now = ReturnFixtures.now
    static let request = JobRequest.nccisReturn(periodEnd: ReturnFixtures.periodEnd, force: false)

    /// The real return handler, held on a gate at its first progress report after reading people.
    struct HaltingHandler: JobHandler {
        let inner: any JobHandler
        let gate: AsyncGate

        func run(_ job: StoredJob, progress: JobProgress) async throws -> JobOutcome {
            try await inner.run(job, progress: JobProgress { done, total in
                try await progress(done: done, total: total)
                if done > 0 { await gate.pass() }
            })
        }
    }

    static func standardJobs(_ store: Store, directory: String) throws -> StandardJobs {
        StandardJobs(store: store, registry: DemoAuthority.registry, laCode: try DemoAuthority.laCode, returnsDirectory: directory, now: { now })
    }

    static func files(_ directory: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []).sorted()
    }

    static func sha256(_ path: String) throws -> String {
        SHA256.hash(data: try Data(contentsOf: URL(fileURLWithPath: path))).map { String(format: "%02x", $0) }.joined()
    }

    @Test(arguments: TestDatabases.engines)
    func aReturnJobStoppedMidFileIsFinishedByTheNextRunnerWithOneFileAndOneHistoryEntry(_ engine: DatabaseEngine) async throws {
        try await TestDatabases.withFreshStore(engine) { store in
            for given in ["Amara", "Bilal", "Chloe"] { try await ReturnFixtures.addStudent(store, given: given) }
            let directory = FileManager.default.temporaryDirectory.appendingPathComponent("returns-\(UUID().uuidString)").path
            defer { try? FileManager.default.removeItem(atPath: directory) }
            let job = try await JobDesk(store: store).request(Self.request, by: nil, at: Self.now)
            let name = "nccis-990-2026-10-31-job\(job.id).xml"
            let jobs = try Self.standardJobs(store, directory: directory)
            let returnKind = JobKind.nccisReturn.rawValue
            let history = ReturnHistoryQuery(store: store)

            let gate = AsyncGate()
            let handler = try #require(jobs.handlers[returnKind])
            let first = JobRunner(store: store, handlers: [returnKind: HaltingHandler(inner: handler, gate: gate)], logger: .init(label: "test"),
                                  name: "first", now: { Self.now })
            let stopped = Task { await first.drain() }
            await gate.waitUntilHeld()

            // Stopped mid-file: only an unfinished file, under a name no one downloads, and nothing in the history.
            #expect(try await JobQueue(store: store).job(job.id)?.claimedBy == "first/drain")
            let unfinished = Self.files(directory)
            #expect(unfinished.count == 1 && unfinished.allSatisfy { $0.hasPrefix(name + ".partial") }, "\(unfinished)")
            #expect(try await history.returns(laCode: "990").isEmpty)

            // A runner a minute later finds the claim stale and finishes the job.
            let second = JobRunner(store: store, handlers: jobs.handlers, logger: .init(label: "test"), name: "second",
                                   now: { Self.now.addingTimeInterval(61) })
            #expect(await second.drain() == 1)
            let done = try #require(try await JobQueue(store: store).job(job.id))
            #expect(done.status == .done && done.claims == 2 && done.claimedBy == "second/drain" && done.resultReference == name)
            let recorded = try await history.returns(laCode: "990")
            #expect(recorded.map(\.generated.fileName) == [name], "one entry in the history")
            let path = URL(fileURLWithPath: directory).appendingPathComponent(name).path
            #expect(Self.files(directory) == [name], "the file and nothing half-written beside it")
            #expect(try Self.sha256(path) == recorded.first?.generated.sha256, "the file is the one recorded")
            #expect(try ReturnFileKeepingTests.mode(path) & 0o777 == 0o600)

            // The first runner was only slow: it wakes, and changes nothing.
            await gate.release()
            _ = await stopped.value
            #expect(try await history.returns(laCode: "990").map(\.generated.fileName) == [name], "still one entry")
            #expect(Self.files(directory) == [name])
            #expect(try Self.sha256(path) == recorded.first?.generated.sha256, "the recorded file is untouched")
            #expect(try ReturnFileKeepingTests.mode(path) & 0o777 == 0o600)
            let finished = try #require(try await JobQueue(store: store).job(job.id))
            #expect(finished.status == .done && finished.claimedBy == "second/drain")
        }
    }
}
