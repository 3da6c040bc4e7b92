public import Foundation

/// An API client as stored: a system of one organisation, acting through its
/// own account (`userID`, which no one can sign in with) under a role and scopes.
/// The token itself is never stored; `tokenHint` is its first characters, to tell tokens apart.
public struct StoredAPIClient: Sendable, Equatable, Identifiable {
    public let id: Int64
    public let userID: Int64
    public let organisationID: Int64
    public let organisationName: String
    public let name: String
    public let role: Role
    public let scopes: Set<APIScope>
    public let tokenHint: String
    public let rateLimitPerMinute: Int
    public let createdAt: Date
    public let expiresAt: Date
    public let revokedAt: Date?
    public let lastUsedAt: Date?

    public init(
        id: Int64, userID: Int64, organisationID: Int64, organisationName: String, name: String, role: Role, scopes: Set<APIScope>,
        tokenHint: String, rateLimitPerMinute: Int, createdAt: Date, expiresAt: Date, revokedAt: Date?, lastUsedAt: Date?
    ) {
        self.id = id
        self.userID = userID
        self.organisationID = organisationID
        self.organisationName = organisationName
        self.name = name
        self.role = role
        self.scopes = scopes
        self.tokenHint = tokenHint
        self.rateLimitPerMinute = rateLimitPerMinute
        self.createdAt = createdAt
        self.expiresAt = expiresAt
        self.revokedAt = revokedAt
        self.lastUsedAt = lastUsedAt
    }

    /// Whether the token still opens the API at `now`.
    public func isLive(at now: Date) -> Bool {
        revokedAt == nil && expiresAt > now
    }
}
