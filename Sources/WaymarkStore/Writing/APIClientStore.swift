public import Foundation
import SQLKit
import WaymarkCore
public import WaymarkRecords

/// What an administrator asks for when issuing an API client.
public struct NewAPIClient: Sendable {
    public let name: String
    public let organisationID: Int64
    public let role: Role
    public let scopes: Set<APIScope>
    public let tokenHash: String
    public let tokenHint: String
    public let rateLimitPerMinute: Int
    public let expiresAt: Date

    public init(
        name: String, organisationID: Int64, role: Role, scopes: Set<APIScope>, tokenHash: String, tokenHint: String, rateLimitPerMinute: Int,
        expiresAt: Date
    ) {
        self.name = name
        self.organisationID = organisationID
        self.role = role
        self.scopes = scopes
        self.tokenHash = tokenHash
        self.tokenHint = tokenHint
        self.rateLimitPerMinute = rateLimitPerMinute
        self.expiresAt = expiresAt
    }
}

/// API clients and their tokens (kept only as hashes), and the per-minute
/// count of each client's calls.
public struct APIClientStore: Sendable {
    let store: Store

    public init(store: Store) {
        self.store = store
    }

    private static let selectAll = """
        SELECT c.*, u.role AS user_role, o.name AS organisation_name
        FROM api_client c JOIN app_user u ON u.id = c.user_id JOIN organisation o ON o.id = c.organisation_id
        """

    /// Every client, newest first, for the administrator's list.
    public func all() async throws -> [StoredAPIClient] {
        try await store.sql.raw("\(unsafeRaw: Self.selectAll) ORDER BY c.id DESC").all().map(Self.decode)
    }

    public func client(id: Int64) async throws -> StoredAPIClient? {
        try await store.sql.raw("\(unsafeRaw: Self.selectAll) WHERE c.id = \(bind: id)").first().map(Self.decode)
    }

    /// The client a token's hash belongs to with its account and organisation, live or not (the caller decides).
    public func bearer(tokenHash: String) async throws -> (client: StoredAPIClient, user: StoredUser, organisation: StoredOrganisation)? {
        guard let row = try await store.sql.raw("""
            SELECT c.*, u.role AS user_role, o.name AS organisation_name, o.kind AS organisation_kind, o.la_code AS organisation_la_code
            FROM api_client c JOIN app_user u ON u.id = c.user_id JOIN organisation o ON o.id = c.organisation_id
            WHERE c.token_hash = \(bind: tokenHash)
            """).first()
        else { return nil }
        let client = try Self.decode(row)
        let kindText = try row.decode(column: "organisation_kind", as: String.self)
        guard let kind = OrganisationKind(rawValue: kindText) else {
            throw StoreError.invalidStoredValue(table: "organisation", column: "kind", value: kindText)
        }
        let organisation = StoredOrganisation(
            id: client.organisationID, kind: kind, name: client.organisationName, laCode: try row.decode(column: "organisation_la_code", as: String?.self))
        // The client's own account: never signs in (disabled, no password); it carries the role and names the client in the audit trail.
        let user = StoredUser(
            id: client.userID, organisationID: client.organisationID, email: "", displayName: client.name, role: client.role, passwordHash: "",
            disabled: true, mustChangePassword: false)
        return (client, user, organisation)
    }

    /// Counts one call in the client's current minute and returns how many it has made in it
    /// (``APICallCounter``: in memory on SQLite, shared by every server on PostgreSQL).
    public func countCall(clientID: Int64, windowStart: Date, now: Date) async throws -> Int {
        let window = Timestamp.format(windowStart)
        let calls: Int
        switch store.database.engine {
        case .sqlite:
            calls = store.database.apiCallCounter.countHere(clientID: clientID, window: windowStart)
        case .postgres:
            let sql = store.sql
            calls = try await store.database.apiCallCounter.countShared(clientID: clientID, window: windowStart) { clientID, _, added in
                try await sql.raw("""
                    INSERT INTO api_client_window (client_id, window_start, calls) VALUES (\(bind: clientID), \(bind: window), \(bind: added))
                    ON CONFLICT (client_id, window_start) DO UPDATE SET calls = api_client_window.calls + \(bind: added)
                    RETURNING calls
                    """).first(decodingColumn: "calls", as: Int.self) ?? added
            }
        }
        if calls == 1 {
            // Once a minute a client: when it was last used, and the minutes before this one forgotten.
            try await store.sql.update("api_client").set("last_used_at", to: Timestamp.format(now)).where("id", .equal, clientID).run()
            try await store.sql.delete(from: "api_client_window").where("client_id", .equal, clientID)
                .where("window_start", .lessThan, window).run()
        }
        return calls
    }

    static func decode(_ row: any SQLRow) throws -> StoredAPIClient {
        let roleText = try row.decode(column: "user_role", as: String.self)
        guard let role = Role(rawValue: roleText) else { throw StoreError.invalidStoredValue(table: "app_user", column: "role", value: roleText) }
        func date(_ column: String) throws -> Date? {
            try row.decode(column: column, as: String?.self).flatMap(Timestamp.parse)
        }
        return StoredAPIClient(
            id: try row.decode(column: "id", as: Int64.self), userID: try row.decode(column: "user_id", as: Int64.self),
            organisationID: try row.decode(column: "organisation_id", as: Int64.self),
            organisationName: try row.decode(column: "organisation_name", as: String.self), name: try row.decode(column: "name", as: String.self),
            role: role, scopes: APIScope.parse(list: try row.decode(column: "scopes", as: String.self)),
            tokenHint: try row.decode(column: "token_hint", as: String.self),
            rateLimitPerMinute: try row.decode(column: "rate_limit_per_minute", as: Int.self),
            createdAt: try date("created_at") ?? .distantPast, expiresAt: try date("expires_at") ?? .distantPast,
            revokedAt: try date("revoked_at"), lastUsedAt: try date("last_used_at"))
    }
}

extension ChangeTransaction {
    /// A new client with its own account (disabled, no password: no one signs in as it), in one transaction with its audit.
    public func createAPIClient(_ client: NewAPIClient) async throws -> Int64 {
        let userRow = try await db.insert(into: "app_user")
            .columns("organisation_id", "email", "display_name", "role", "password_hash", "disabled", "created_at")
            .values(
                SQLBind(client.organisationID), SQLBind("api-client-\(client.tokenHint.lowercased())-\(client.tokenHash.prefix(16))@api-clients.invalid"),
                SQLBind("\(client.name) (API client)"), SQLBind(client.role.rawValue), SQLBind("!api-client"), SQLBind(true), SQLBind(recordedAt)
            )
            .returning("id").first()
        guard let userID = try userRow?.decode(column: "id", as: Int64.self) else { throw StoreError.noIDReturned(table: "app_user") }
        let row = try await db.insert(into: "api_client")
            .columns(
                "user_id", "organisation_id", "name", "scopes", "token_hash", "token_hint", "rate_limit_per_minute", "created_by", "created_at",
                "expires_at"
            )
            .values(
                SQLBind(userID), SQLBind(client.organisationID), SQLBind(client.name), SQLBind(APIScope.list(client.scopes)), SQLBind(client.tokenHash),
                SQLBind(client.tokenHint), SQLBind(client.rateLimitPerMinute), SQLBind(actor.userID), SQLBind(recordedAt),
                SQLBind(Timestamp.format(client.expiresAt))
            )
            .returning("id").first()
        guard let id = try row?.decode(column: "id", as: Int64.self) else { throw StoreError.noIDReturned(table: "api_client") }
        try await audit(
            .create, entity: "api_client", entityID: id, personID: nil,
            detail: "role=\(client.role.rawValue); scopes=\(APIScope.list(client.scopes).replacingOccurrences(of: " ", with: ",")); user=\(userID)")
        return id
    }

    /// Revokes a client's token at once; false when it was already revoked.
    public func revokeAPIClient(_ id: Int64) async throws -> Bool {
        let revoked = try await db.update("api_client").set("revoked_at", to: recordedAt).set("revoked_by", to: actor.userID)
            .where("id", .equal, id).where("revoked_at", .is, SQLLiteral.null)
            .returning("id").all()
        guard !revoked.isEmpty else { return false }
        try await audit(.update, entity: "api_client", entityID: id, personID: nil, detail: "revoked")
        return true
    }
}
