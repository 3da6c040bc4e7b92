import SQLKit

/// The short codes printed on campaign letters. Each stands for the same
/// person, campaign member and expiry as the long link printed beside it.
/// Only a keyed hash of the code is kept, so the table alone opens nothing.
/// The person is reached through the campaign member, so erasing the member
/// (or the person) takes the code with it.
struct M027LetterCodes: Migration {
    let version = 27
    let name = "letter short codes"

    func prepare(on db: any SQLDatabase, engine: DatabaseEngine) async throws {
        try await db.create(table: "letter_code")
            .column("code_hash", type: .text, .primaryKey(autoIncrement: false))
            .column("campaign_member_id", type: Column.id, .notNull, .references("campaign_member", "id", onDelete: .cascade))
            .column("created_at", type: Column.timestamp, .notNull)
            .column("expires_at", type: Column.timestamp, .notNull)
            .run()
        try await db.create(index: "letter_code_expires_at").on("letter_code").column("expires_at").run()
    }
}
