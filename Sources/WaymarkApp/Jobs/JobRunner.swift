public import Foundation
public import Logging
import WaymarkRecords
public import WaymarkStore

/// Runs jobs claimed from the `job` table, at most `concurrency` at a time in
/// this process. Any number of servers may run one: claims are rows, so a
/// job runs once, and a job whose worker stops beating (the process was
/// killed) is claimed again after `staleAfter` and finished by someone else.
public struct JobRunner: Sendable {
    public struct Settings: Sendable {
        /// Jobs this process runs at once. LA-wide work keeps a core busy; 1 suits two cores.
        public var concurrency: Int
        public var pollInterval: Duration
        public var heartbeatInterval: Duration
        /// A running job whose heartbeat is older than this is taken to be abandoned.
        public var staleAfter: TimeInterval

        public init(concurrency: Int = 1, pollInterval: Duration = .seconds(1), heartbeatInterval: Duration = .seconds(10), staleAfter: TimeInterval = 60) {
            self.concurrency = max(1, concurrency)
            self.pollInterval = pollInterval
            self.heartbeatInterval = heartbeatInterval
            self.staleAfter = staleAfter
        }
    }

    public let name: String
    let queue: JobQueue
    let handlers: [String: any JobHandler]
    let settings: Settings
    let now: @Sendable () -> Date
    let logger: Logger

    public init(
        store: Store, handlers: [String: any JobHandler], settings: Settings = Settings(), logger: Logger,
        name: String = "\(ProcessInfo.processInfo.hostName)-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString.prefix(8).lowercased())",
        now: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.name = name
        self.queue = JobQueue(store: store)
        self.handlers = handlers
        self.settings = settings
        self.now = now
        self.logger = logger
    }

    /// Runs until cancelled: `concurrency` loops, each claiming and running one job at a time.
    public func run() async {
        logger.info("job runner started", metadata: ["worker": "\(name)", "concurrency": "\(settings.concurrency)"])
        await withTaskGroup(of: Void.self) { group in
            for slot in 1...settings.concurrency {
                group.addTask {
                    let worker = "\(name)/\(slot)"
                    while !Task.isCancelled {
                        if await runNext(as: worker) { continue }
                        try? await Task.sleep(for: settings.pollInterval)
                    }
                }
            }
        }
        logger.info("job runner stopped", metadata: ["worker": "\(name)"])
    }

    /// Runs queued jobs one after another until none is left, through the same
    /// path as `run`; for commands and tests that need the work done now.
    @discardableResult
    public func drain() async -> Int {
        var count = 0
        while await runNext(as: "\(name)/drain") { count += 1 }
        return count
    }

    /// Claims and runs one job; false when there was none (or the claim failed).
    func runNext(as worker: String) async -> Bool {
        let job: StoredJob
        do {
            guard let claimed = try await queue.claimNext(worker: worker, now: now(), staleAfter: settings.staleAfter) else { return false }
            job = claimed
        } catch {
            logger.error("job claim failed", metadata: ["worker": "\(worker)", "error": "\(type(of: error))"])
            return false
        }
        await execute(job, as: worker)
        return true
    }

    private func execute(_ job: StoredJob, as worker: String) async {
        let metadata: Logger.Metadata = ["job": "\(job.id)", "kind": "\(job.kind)", "worker": "\(worker)", "claim": "\(job.claims)"]
        logger.info("job started", metadata: metadata)
        let clock = ContinuousClock()
        let started = clock.now
        func elapsed() -> Int64 {
            let duration = started.duration(to: clock.now)
            return duration.components.seconds * 1_000 + duration.components.attoseconds / 1_000_000_000_000_000
        }
        let beat = Task { [queue, now, settings] in
            while !Task.isCancelled {
                try await Task.sleep(for: settings.heartbeatInterval)
                _ = try await queue.heartbeat(job.id, worker: worker, now: now())
            }
        }
        defer { beat.cancel() }
        let progress = JobProgress { [queue, now] done, total in
            _ = try await queue.progress(job.id, worker: worker, done: done, total: total, now: now())
        }
        do {
            guard let handler = handlers[job.kind] else { throw JobFailure("This server does not know how to run a \(job.kind) job.") }
            let outcome = try await handler.run(job, progress: progress)
            let kept = try await queue.finish(job.id, worker: worker, result: outcome.result, reference: outcome.reference,
                                              durationMilliseconds: elapsed(), now: now())
            logger.info(kept ? "job done" : "job done but no longer ours", metadata: metadata.merging(["ms": "\(elapsed())"]) { $1 })
        } catch {
            // Only messages written for people are stored; anything else may carry values read from records.
            let message = (error as? JobFailure)?.description ?? "The work stopped with an unexpected error; the server log names it under job \(job.id)."
            logger.error("job failed", metadata: metadata.merging(["error": "\(type(of: error))"]) { $1 })
            do {
                _ = try await queue.fail(job.id, worker: worker, message: message, durationMilliseconds: elapsed(), now: now())
            } catch {
                logger.error("job failure not recorded", metadata: metadata.merging(["error": "\(type(of: error))"]) { $1 })
            }
        }
    }
}
