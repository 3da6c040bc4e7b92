public import Foundation
import SQLKit
public import WaymarkRecords
public import WaymarkCore

/// A signed-in session: who, and the CSRF token their forms must carry.
public struct StoredSession: Sendable, Equatable {
    public let userID: Int64
    public let csrfToken: String
    public let expiresAt: String
}

/// Sessions, kept in the database so any server can
/// answer any request. Tokens are stored only as hashes.
public struct SessionStore: Sendable {
    let store: Store

    public init(store: Store) {
        self.store = store
    }

    public func create(tokenHash: String, userID: Int64, csrfToken: String, now: Date, lifetime: TimeInterval) async throws {
        try await store.change(by: .user(userID), at: now) { tx in
            try await tx.db.insert(into: "user_session")
                .columns("token_hash", "user_id", "csrf_token", "created_at", "expires_at")
                .values(SQLBind(tokenHash), SQLBind(userID), SQLBind(csrfToken), SQLBind(tx.recordedAt),
                        SQLBind(Timestamp.format(now.addingTimeInterval(lifetime))))
                .run()
            try await tx.audit(.signIn, entity: "app_user", entityID: userID, personID: nil)
        }
    }

    /// The live session for a token hash, or nil if unknown or expired.
    public func find(tokenHash: String, now: Date) async throws -> StoredSession? {
        guard let row = try await store.sql.select().columns("user_id", "csrf_token", "expires_at").from("user_session")
            .where("token_hash", .equal, tokenHash)
            .where("expires_at", .greaterThan, Timestamp.format(now))
            .first()
        else { return nil }
        return StoredSession(
            userID: try row.decode(column: "user_id", as: Int64.self),
            csrfToken: try row.decode(column: "csrf_token", as: String.self),
            expiresAt: try row.decode(column: "expires_at", as: String.self))
    }

    /// The live session, its user and the user's organisation in one query: the
    /// middleware asks this on every request, so one round trip rather than three.
    public func signedIn(tokenHash: String, now: Date) async throws -> (session: StoredSession, user: StoredUser, organisation: StoredOrganisation)? {
        guard let row = try await store.sql.raw("""
            SELECT s.csrf_token AS session_csrf_token, s.expires_at AS session_expires_at, u.*,
              o.kind AS organisation_kind, o.name AS organisation_name, o.la_code AS organisation_la_code
            FROM user_session s JOIN app_user u ON u.id = s.user_id JOIN organisation o ON o.id = u.organisation_id
            WHERE s.token_hash = \(bind: tokenHash) AND s.expires_at > \(bind: Timestamp.format(now))
            """).first()
        else { return nil }
        let user = try UserQueries.decode(row)
        let kindText = try row.decode(column: "organisation_kind", as: String.self)
        guard let kind = OrganisationKind(rawValue: kindText) else {
            throw StoreError.invalidStoredValue(table: "organisation", column: "kind", value: kindText)
        }
        let organisation = StoredOrganisation(
            id: user.organisationID, kind: kind, name: try row.decode(column: "organisation_name", as: String.self),
            laCode: try row.decode(column: "organisation_la_code", as: String?.self))
        let session = StoredSession(
            userID: user.id, csrfToken: try row.decode(column: "session_csrf_token", as: String.self),
            expiresAt: try row.decode(column: "session_expires_at", as: String.self))
        return (session, user, organisation)
    }

    public func delete(tokenHash: String, userID: Int64, now: Date) async throws {
        try await store.change(by: .user(userID), at: now) { tx in
            try await tx.db.delete(from: "user_session").where("token_hash", .equal, tokenHash).run()
            try await tx.audit(.signOut, entity: "app_user", entityID: userID, personID: nil)
        }
    }
}
