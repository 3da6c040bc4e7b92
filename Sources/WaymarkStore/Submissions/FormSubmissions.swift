public import Foundation
import SQLKit
import WaymarkRecords

/// What became of a form's one-time token.
public enum SubmissionClaim: Sendable, Equatable {
    /// Nobody has sent this token before: go ahead, then ``FormSubmissions/finish(_:outcome:)``.
    case first
    /// The same person sent it before; `outcome` is where that submission led (nil while it is still being saved).
    case repeated(outcome: String?)
}

/// One-time tokens of forms that create something (`form_submission`).
public struct FormSubmissions: Sendable {
    let db: any SQLDatabase

    public init(store: Store) {
        db = store.sql
    }

    /// Claims `token` for `userID`. The insert decides, so two submissions at
    /// once cannot both be first: the loser reads the winner's row.
    public func claim(_ token: String, userID: Int64, at now: Date) async throws -> SubmissionClaim {
        let mine = UUID().uuidString
        try await db.raw("""
            INSERT INTO form_submission (token, user_id, claim, submitted_at)
            VALUES (\(bind: token), \(bind: userID), \(bind: mine), \(bind: Timestamp.format(now)))
            ON CONFLICT (token) DO NOTHING
            """).run()
        guard let row = try await db.select().columns("user_id", "claim", "outcome").from("form_submission").where("token", .equal, token).first() else {
            return .first
        }
        if try row.decode(column: "claim", as: String.self) == mine { return .first }
        // Someone else's token (it was shown to them, not to this user): it protects nothing here.
        guard try row.decode(column: "user_id", as: Int64.self) == userID else { return .first }
        return .repeated(outcome: try row.decode(column: "outcome", as: String?.self))
    }

    /// Records where the first submission led, for its repeats.
    public func finish(_ token: String, outcome: String) async throws {
        try await db.update("form_submission").set("outcome", to: outcome).where("token", .equal, token).run()
    }

    /// Frees a token whose submission saved nothing, so sending it again is a first time.
    public func release(_ token: String) async throws {
        try await db.delete(from: "form_submission").where("token", .equal, token).run()
    }

    /// Forgets tokens older than `cutoff`: a page kept open longer makes a new record, as any new form does.
    public func prune(before cutoff: Date) async throws {
        try await db.delete(from: "form_submission").where("submitted_at", .lessThan, Timestamp.format(cutoff)).run()
    }
}
