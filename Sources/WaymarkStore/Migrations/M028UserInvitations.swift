import SQLKit

/// Invitations to a new account: a one-time link through which the new user
/// sets their own password. Tokens are stored only as hashes; a re-issued
/// invitation replaces the user's earlier one.
struct M028UserInvitations: Migration {
    let version = 28
    let name = "user invitations"

    func prepare(on db: any SQLDatabase, engine: DatabaseEngine) async throws {
        try await db.create(table: "user_invitation")
            .column("token_hash", type: .text, .primaryKey(autoIncrement: false))
            .column("user_id", type: Column.id, .notNull, .references("app_user", "id", onDelete: .cascade))
            .column("created_by", type: Column.id, .references("app_user", "id"))
            .column("created_at", type: Column.timestamp, .notNull)
            .column("expires_at", type: Column.timestamp, .notNull)
            .column("accepted_at", type: Column.timestamp)
            .run()
        try await db.create(index: "user_invitation_user").on("user_invitation").column("user_id").run()
    }
}
