import SQLKit
public import WaymarkRecords

/// Looks users up for sign-in and sessions.
public struct UserQueries: Sendable {
    let db: any SQLDatabase

    public init(store: Store) {
        self.db = store.sql
    }

    public func user(email: String) async throws -> StoredUser? {
        try await db.select().column("*").from("app_user").where("email", .equal, email.lowercased()).first().map(Self.decode)
    }

    public func user(id: Int64) async throws -> StoredUser? {
        try await db.select().column("*").from("app_user").where("id", .equal, id).first().map(Self.decode)
    }

    /// Every user, by name, for the administrator's page: people, not the accounts API clients act through (their own page lists those).
    public func all() async throws -> [StoredUser] {
        try await db.select().column("*").from("app_user")
            .where(SQLRaw("NOT EXISTS (SELECT 1 FROM api_client c WHERE c.user_id = app_user.id)"))
            .orderBy("display_name").orderBy("id").all().map(Self.decode)
    }

    /// Personal advisers of an organisation who can still sign in, for pickers.
    public func advisers(organisationID: Int64) async throws -> [StoredUser] {
        try await db.select().column("*").from("app_user")
            .where("organisation_id", .equal, organisationID).where("role", .equal, Role.personalAdviser.rawValue)
            .where("disabled", .equal, false)
            .orderBy("display_name").all().map(Self.decode)
    }

    /// The people of an organisation who can still sign in, by name (not API clients' accounts).
    public func active(organisationID: Int64) async throws -> [StoredUser] {
        try await db.select().column("*").from("app_user")
            .where("organisation_id", .equal, organisationID).where("disabled", .equal, false)
            .where(SQLRaw("NOT EXISTS (SELECT 1 FROM api_client c WHERE c.user_id = app_user.id)"))
            .orderBy("display_name").orderBy("id").all().map(Self.decode)
    }

    public func count() async throws -> Int {
        try await db.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from("app_user")
            .first(decodingColumn: "n", as: Int.self) ?? 0
    }

    static func decode(_ row: any SQLRow) throws -> StoredUser {
        let roleText = try row.decode(column: "role", as: String.self)
        guard let role = Role(rawValue: roleText) else {
            throw StoreError.invalidStoredValue(table: "app_user", column: "role", value: roleText)
        }
        return StoredUser(
            id: try row.decode(column: "id", as: Int64.self),
            organisationID: try row.decode(column: "organisation_id", as: Int64.self),
            email: try row.decode(column: "email", as: String.self),
            displayName: try row.decode(column: "display_name", as: String.self),
            role: role,
            passwordHash: try row.decode(column: "password_hash", as: String.self),
            disabled: try row.decode(column: "disabled", as: Bool.self),
            mustChangePassword: try row.decode(column: "must_change_password", as: Bool.self))
    }
}
