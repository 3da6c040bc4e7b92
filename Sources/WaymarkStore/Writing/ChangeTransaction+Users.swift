import SQLKit
public import WaymarkRecords

extension ChangeTransaction {
    /// Changes a user's role; their open sessions end so the new role applies at once.
    public func setRole(of userID: Int64, to role: Role) async throws {
        try await requireUser(userID)
        try await db.update("app_user").set("role", to: role.rawValue).where("id", .equal, userID).run()
        try await db.delete(from: "user_session").where("user_id", .equal, userID).run()
        try await audit(.update, entity: "app_user", entityID: userID, personID: nil, detail: "role=\(role.rawValue)")
    }

    /// Disables or re-enables an account; disabling ends its sessions.
    public func setDisabled(_ disabled: Bool, userID: Int64) async throws {
        try await requireUser(userID)
        try await db.update("app_user").set("disabled", to: disabled).where("id", .equal, userID).run()
        if disabled { try await db.delete(from: "user_session").where("user_id", .equal, userID).run() }
        try await audit(.update, entity: "app_user", entityID: userID, personID: nil, detail: disabled ? "disabled" : "enabled")
    }

    /// Replaces a user's password hash and ends their other sessions, so
    /// whoever knew the old password is signed out everywhere but here.
    /// `mustChange` marks a temporary password set by an administrator.
    public func setPassword(hash: String, mustChange: Bool, userID: Int64, keepingSession tokenHash: String?) async throws {
        try await requireUser(userID)
        try await db.update("app_user").set("password_hash", to: hash).set("must_change_password", to: mustChange).where("id", .equal, userID).run()
        let sessions = db.delete(from: "user_session").where("user_id", .equal, userID)
        if let tokenHash { sessions.where("token_hash", .notEqual, tokenHash) }
        try await sessions.run()
        try await audit(.update, entity: "app_user", entityID: userID, personID: nil, detail: mustChange ? "password-reset" : "password-changed")
    }

    private func requireUser(_ userID: Int64) async throws {
        guard try await db.select().column("id").from("app_user").where("id", .equal, userID).first() != nil else {
            throw StoreError.notFound(entity: "user", id: userID)
        }
    }
}
