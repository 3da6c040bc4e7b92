import SQLKit

/// Forms that create something carry a one-time token; the first submission
/// of a token is kept here with where it led, so a repeat (Back then Save, a
/// double click) is shown that result instead of making a second record.
struct M023FormSubmissions: Migration {
    let version = 23
    let name = "one-time form submissions"

    func prepare(on db: any SQLDatabase, engine: DatabaseEngine) async throws {
        try await db.create(table: "form_submission")
            .column("token", type: .text, .primaryKey(autoIncrement: false))
            .column("user_id", type: .bigint, .notNull)
            .column("claim", type: .text, .notNull)
            .column("outcome", type: .text)
            .column("submitted_at", type: .text, .notNull)
            .run()
        try await db.create(index: "form_submission_submitted_at").on("form_submission").column("submitted_at").run()
    }
}
