import SQLKit

/// Sign-in sessions and failed sign-in attempts live in the database, so
/// several servers behind a load balancer share them.
struct M007Sessions: Migration {
    let version = 7
    let name = "sessions and sign-in attempts"

    func prepare(on db: any SQLDatabase, engine: DatabaseEngine) async throws {
        try await db.create(table: "user_session")
            .column("token_hash", type: .text, .primaryKey(autoIncrement: false))
            .column("user_id", type: Column.id, .notNull, .references("app_user", "id", onDelete: .cascade))
            .column("csrf_token", type: .text, .notNull)
            .column("created_at", type: Column.timestamp, .notNull)
            .column("expires_at", type: Column.timestamp, .notNull)
            .run()
        try await db.create(table: "sign_in_attempt")
            .idColumn()
            .column("email", type: .text, .notNull)
            .column("succeeded", type: Column.bool, .notNull)
            .column("attempted_at", type: Column.timestamp, .notNull)
            .run()
        try await db.create(index: "sign_in_attempt_email").on("sign_in_attempt").column("email").column("attempted_at").run()
    }
}
