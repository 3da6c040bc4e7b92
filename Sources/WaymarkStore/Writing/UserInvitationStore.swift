public import Foundation
import SQLKit
public import WaymarkRecords

/// The one-time links through which a new user sets their own password.
/// Tokens are stored only as hashes; issuing a new one for a user voids the
/// old one; accepting one sets the password and spends the link together.
public struct UserInvitationStore: Sendable {
    let store: Store

    public init(store: Store) {
        self.store = store
    }

    /// The user an unspent, unexpired invitation is for; nil for unknown, used or expired alike.
    public func invitee(tokenHash: String, now: Date) async throws -> StoredUser? {
        guard let row = try await store.sql.select().column("user_id").from("user_invitation")
            .where("token_hash", .equal, tokenHash)
            .where("accepted_at", .is, SQLLiteral.null)
            .where("expires_at", .greaterThan, Timestamp.format(now))
            .first()
        else { return nil }
        let user = try await UserQueries(store: store).user(id: try row.decode(column: "user_id", as: Int64.self))
        return user.flatMap { $0.disabled ? nil : $0 }
    }

    /// Invitations not yet accepted, by user: pending until they expire.
    public func outstanding(now: Date) async throws -> [Int64: InvitationState] {
        var states: [Int64: InvitationState] = [:]
        for row in try await store.sql.select().columns("user_id", "expires_at").from("user_invitation")
            .where("accepted_at", .is, SQLLiteral.null).all()
        {
            let expiry = try row.decode(column: "expires_at", as: String.self)
            let userID = try row.decode(column: "user_id", as: Int64.self)
            if let expiresAt = Timestamp.parse(expiry), expiresAt > now {
                states[userID] = .pending(expiresAt: expiresAt)
            } else {
                states[userID] = .expired
            }
        }
        return states
    }
}

extension ChangeTransaction {
    /// A new invitation for the user; any earlier one stops working.
    public func issueInvitation(tokenHash: String, userID: Int64, expiresAt: Date, reissued: Bool) async throws {
        try await db.delete(from: "user_invitation").where("user_id", .equal, userID).run()
        try await db.insert(into: "user_invitation")
            .columns("token_hash", "user_id", "created_by", "created_at", "expires_at")
            .values(SQLBind(tokenHash), SQLBind(userID), SQLBind(actor.userID), SQLBind(recordedAt), SQLBind(Timestamp.format(expiresAt)))
            .run()
        try await audit(.update, entity: "app_user", entityID: userID, personID: nil, detail: reissued ? "invitation-reissued" : "invitation-issued")
    }

    /// Spends the invitation and sets the user's first password, or does
    /// nothing and returns false when the link is no longer good (used,
    /// expired or replaced in the meantime).
    public func acceptInvitation(tokenHash: String, userID: Int64, passwordHash: String) async throws -> Bool {
        let spent = try await db.update("user_invitation").set("accepted_at", to: recordedAt)
            .where("token_hash", .equal, tokenHash)
            .where("user_id", .equal, userID)
            .where("accepted_at", .is, SQLLiteral.null)
            .where("expires_at", .greaterThan, recordedAt)
            .returning("user_id").all()
        guard !spent.isEmpty else { return false }
        try await db.update("app_user").set("password_hash", to: passwordHash).set("must_change_password", to: false)
            .where("id", .equal, userID).run()
        try await db.delete(from: "user_session").where("user_id", .equal, userID).run()
        try await audit(.update, entity: "app_user", entityID: userID, personID: nil, detail: "invitation-accepted")
        return true
    }
}
