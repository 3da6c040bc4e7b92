import SQLKit

/// API clients: systems (a school's MIS, a careers platform, the LA's own
/// tools) that call the API with a bearer token. Each acts through an account
/// of its own in `app_user` (disabled, with no password: no one signs in as
/// it), so provenance and the audit trail name the client like any user.
/// The token is kept only as its SHA-256. `api_client_window` counts each
/// client's calls a minute, in the database, so the limit holds across servers.
struct M044APIClients: Migration {
    let version = 44
    let name = "api clients"

    func prepare(on db: any SQLDatabase, engine: DatabaseEngine) async throws {
        try await db.create(table: "api_client")
            .idColumn()
            .column("user_id", type: Column.id, .notNull, .unique, .references("app_user", "id"))
            .column("organisation_id", type: Column.id, .notNull, .references("organisation", "id"))
            .column("name", type: .text, .notNull)
            .column("scopes", type: .text, .notNull)
            .column("token_hash", type: .text, .notNull, .unique)
            .column("token_hint", type: .text, .notNull)
            .column("rate_limit_per_minute", type: .int, .notNull)
            .column("created_by", type: Column.id, .references("app_user", "id"))
            .column("created_at", type: Column.timestamp, .notNull)
            .column("expires_at", type: Column.timestamp, .notNull)
            .column("revoked_at", type: Column.timestamp)
            .column("revoked_by", type: Column.id, .references("app_user", "id"))
            .column("last_used_at", type: Column.timestamp)
            .run()
        try await db.create(table: "api_client_window")
            .column("client_id", type: Column.id, .notNull, .references("api_client", "id"))
            .column("window_start", type: Column.timestamp, .notNull)
            .column("calls", type: .int, .notNull)
            .primaryKey("client_id", "window_start")
            .run()
    }
}
