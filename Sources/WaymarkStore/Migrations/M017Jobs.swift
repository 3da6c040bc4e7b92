import SQLKit

/// Heavy work (readiness, figures, returns, duplicate scans) runs as jobs
/// that any server's runner claims from this table, so a request never does
/// LA-wide work itself and several servers can share the load.
///
/// `request_key` names what was asked for (kind and parameters); the partial
/// unique index lets only one job per key be queued or running, so a second
/// identical request joins the first instead of doing the work twice.
struct M017Jobs: Migration {
    let version = 17
    let name = "jobs"

    func prepare(on db: any SQLDatabase, engine: DatabaseEngine) async throws {
        try await db.create(table: "job")
            .idColumn()
            .column("kind", type: .text, .notNull)
            .column("request_key", type: .text, .notNull)
            .column("parameters", type: .text, .notNull)
            .column("status", type: .text, .notNull)
            .column("progress_done", type: .int, .notNull)
            .column("progress_total", type: .int)
            .column("result", type: .text)
            .column("result_reference", type: .text)
            .column("error", type: .text)
            .column("requested_by", type: Column.id, .references("app_user", "id"))
            .column("requested_at", type: Column.timestamp, .notNull)
            .column("claimed_by", type: .text)
            .column("claims", type: .int, .notNull)
            .column("started_at", type: Column.timestamp)
            .column("heartbeat_at", type: Column.timestamp)
            .column("finished_at", type: Column.timestamp)
            .column("duration_ms", type: .bigint)
            .run()
        try await db.raw("CREATE UNIQUE INDEX job_one_active_per_request ON job (request_key) WHERE status IN ('queued', 'running')").run()
        try await db.create(index: "job_status").on("job").column("status").column("id").run()
        try await db.create(index: "job_request_finished").on("job").column("request_key").column("finished_at").run()
    }
}
