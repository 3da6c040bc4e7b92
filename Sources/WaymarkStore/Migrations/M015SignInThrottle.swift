import SQLKit

/// Throttling by client address as well as by account, pruning old attempts
/// by time, and the flag that sends a user with a temporary password to
/// change it before anything else.
struct M015SignInThrottle: Migration {
    let version = 15
    let name = "sign-in throttle by client, forced password change"

    func prepare(on db: any SQLDatabase, engine: DatabaseEngine) async throws {
        try await db.alter(table: "sign_in_attempt").column("client_address", type: .text).run()
        try await db.create(index: "sign_in_attempt_client").on("sign_in_attempt").column("client_address").column("attempted_at").run()
        try await db.create(index: "sign_in_attempt_time").on("sign_in_attempt").column("attempted_at").run()
        // Existing accounts keep their passwords: the default is false.
        try await db.raw("ALTER TABLE app_user ADD COLUMN must_change_password BOOLEAN NOT NULL DEFAULT FALSE").run()
    }
}
