public import Foundation
import SQLKit
public import WaymarkRecords

/// The job table's API: requests enqueue (or join an identical active job),
/// runners claim, beat, report progress and finish. Claims are rows in the
/// database, so any number of runners on any number of servers share the
/// queue; every write after the claim names the worker, so a worker whose
/// job was taken from it (it stopped beating) can no longer change it.
public struct JobQueue: Sendable {
    let store: Store

    public init(store: Store) {
        self.store = store
    }

    /// Queues a job, or returns the queued or running job with the same request key.
    public func enqueue(kind: String, requestKey: String, parameters: String, requestedBy: Int64?, at now: Date) async throws
        -> (job: StoredJob, joined: Bool)
    {
        // Two attempts: the active job found missing by the insert may finish before it is read.
        for _ in 0..<2 {
            let inserted = try await store.sql.raw("""
                INSERT INTO job (kind, request_key, parameters, status, progress_done, requested_by, requested_at, claims)
                VALUES (\(bind: kind), \(bind: requestKey), \(bind: parameters), 'queued', 0, \(bind: requestedBy), \(bind: Timestamp.format(now)), 0)
                ON CONFLICT DO NOTHING
                RETURNING *
                """).first().map(StoredJob.decode)
            if let inserted { return (inserted, false) }
            if let active = try await active(requestKey: requestKey) { return (active, true) }
        }
        throw StoreError.noIDReturned(table: "job")
    }

    /// Claims the oldest queued job, or a running one whose heartbeat is older than `staleAfter`.
    /// A job already claimed `maxClaims` times and gone stale again is failed instead: it is
    /// probably what stops its workers.
    public func claimNext(worker: String, now: Date, staleAfter: TimeInterval, maxClaims: Int = 3) async throws -> StoredJob? {
        let nowText = Timestamp.format(now)
        let staleText = Timestamp.format(now.addingTimeInterval(-staleAfter))
        // PostgreSQL skips rows another worker has locked; SQLite has one writer, so the update is already exclusive.
        let lock = store.database.engine == .postgres ? " FOR UPDATE SKIP LOCKED" : ""
        return try await store.database.transaction { db in
            try await db.raw("""
                UPDATE job SET status = 'failed', finished_at = \(bind: nowText), claimed_by = NULL,
                  error = \(bind: "The job was started \(maxClaims) times and its worker stopped each time.")
                WHERE status = 'running' AND heartbeat_at < \(bind: staleText) AND claims >= \(bind: maxClaims)
                """).run()
            return try await db.raw("""
                UPDATE job SET status = 'running', claimed_by = \(bind: worker), claims = claims + 1, started_at = \(bind: nowText),
                  heartbeat_at = \(bind: nowText), progress_done = 0, progress_total = NULL
                WHERE (status = 'queued' OR (status = 'running' AND heartbeat_at < \(bind: staleText))) AND id = (
                  SELECT id FROM job WHERE status = 'queued' OR (status = 'running' AND heartbeat_at < \(bind: staleText))
                  ORDER BY id LIMIT 1\(unsafeRaw: lock))
                RETURNING *
                """).first().map(StoredJob.decode)
        }
    }

    /// Keeps the claim fresh; false when the job is no longer this worker's.
    public func heartbeat(_ id: Int64, worker: String, now: Date) async throws -> Bool {
        try await ownedUpdate(id, worker: worker, set: "heartbeat_at = \(bind: Timestamp.format(now))")
    }

    /// Records how far the job has got (and beats); false when the job is no longer this worker's.
    public func progress(_ id: Int64, worker: String, done: Int, total: Int?, now: Date) async throws -> Bool {
        try await ownedUpdate(
            id, worker: worker,
            set: "progress_done = \(bind: done), progress_total = \(bind: total), heartbeat_at = \(bind: Timestamp.format(now))")
    }

    /// Stores the result; false (nothing stored) when the job is no longer this worker's.
    public func finish(_ id: Int64, worker: String, result: String?, reference: String?, durationMilliseconds: Int64, now: Date) async throws -> Bool {
        try await ownedUpdate(id, worker: worker, set: """
            status = 'done', result = \(bind: result), result_reference = \(bind: reference), error = NULL,
            finished_at = \(bind: Timestamp.format(now)), duration_ms = \(bind: durationMilliseconds), progress_done = COALESCE(progress_total, progress_done)
            """)
    }

    /// Records why the job failed, in words a person can act on (never personal data).
    public func fail(_ id: Int64, worker: String, message: String, durationMilliseconds: Int64, now: Date) async throws -> Bool {
        try await ownedUpdate(id, worker: worker, set: """
            status = 'failed', error = \(bind: String(message.prefix(2_000))), finished_at = \(bind: Timestamp.format(now)),
            duration_ms = \(bind: durationMilliseconds)
            """)
    }

    public func job(_ id: Int64) async throws -> StoredJob? {
        try await store.sql.select().column("*").from("job").where("id", .equal, id).first().map(StoredJob.decode)
    }

    /// The queued or running job for a request, if any.
    public func active(requestKey: String) async throws -> StoredJob? {
        try await store.sql.select().column("*").from("job").where("request_key", .equal, requestKey)
            .where(SQLColumn("status"), .in, SQLBind.group([JobStatus.queued.rawValue, JobStatus.running.rawValue]))
            .orderBy("id", .descending).first().map(StoredJob.decode)
    }

    /// The most recent finished job for a request with this status.
    public func latest(requestKey: String, status: JobStatus) async throws -> StoredJob? {
        try await store.sql.select().column("*").from("job").where("request_key", .equal, requestKey)
            .where("status", .equal, status.rawValue)
            .orderBy("finished_at", .descending).orderBy("id", .descending).first().map(StoredJob.decode)
    }

    /// The most recent jobs of a kind, newest first.
    public func recent(kind: String, limit: Int = 20) async throws -> [StoredJob] {
        try await store.sql.select().column("*").from("job").where("kind", .equal, kind)
            .orderBy("id", .descending).limit(limit).all().map(StoredJob.decode)
    }

    private func ownedUpdate(_ id: Int64, worker: String, set assignments: SQLQueryString) async throws -> Bool {
        try await store.sql.raw("""
            UPDATE job SET \(assignments)
            WHERE id = \(bind: id) AND claimed_by = \(bind: worker) AND status = 'running'
            RETURNING id
            """).first() != nil
    }
}
