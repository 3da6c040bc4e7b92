public import Foundation
public import WaymarkRecords
public import WaymarkStore

/// Where a page's request for heavy work stands: the job doing it now (if
/// any), the latest result, and a failure newer than that result.
public struct JobState: Sendable {
    public let active: StoredJob?
    public let lastDone: StoredJob?
    public let lastFailed: StoredJob?

    /// True when a result is shown while a newer one is being computed.
    public var isRecomputing: Bool { active != nil && lastDone != nil }
}

/// The pages' side of the job table: ask for work (joining an identical job
/// already asked for) and read where it stands. Nothing here computes.
public struct JobDesk: Sendable {
    let queue: JobQueue

    public init(store: Store) {
        queue = JobQueue(store: store)
    }

    /// Queues the work, or joins the queued or running job for the same request.
    @discardableResult
    public func request(_ request: JobRequest, by userID: Int64?, at now: Date) async throws -> StoredJob {
        try await queue.enqueue(kind: request.kind.rawValue, requestKey: request.requestKey, parameters: request.parameters,
                                requestedBy: userID, at: now).job
    }

    public func state(of request: JobRequest) async throws -> JobState {
        let key = request.requestKey
        let done = try await queue.latest(requestKey: key, status: .done)
        let failed = try await queue.latest(requestKey: key, status: .failed)
        let newerFailure = failed.flatMap { failure in
            guard let done else { return failure }
            return failure.id > done.id ? failure : nil
        }
        return JobState(active: try await queue.active(requestKey: key), lastDone: done, lastFailed: newerFailure)
    }

    /// The state, after asking for the work when nothing is under way and the
    /// latest result is older than `lifetime` (or there is none).
    public func refreshed(_ request: JobRequest, by userID: Int64?, now: Date, lifetime: TimeInterval) async throws -> JobState {
        let current = try await state(of: request)
        if current.active != nil { return current }
        if let finished = current.lastDone?.finishedAt, now.timeIntervalSince(finished) < lifetime { return current }
        // A failure stays on the page until someone asks again, rather than being retried on every refresh.
        if current.lastFailed != nil { return current }
        try await self.request(request, by: userID, at: now)
        return try await self.state(of: request)
    }
}
