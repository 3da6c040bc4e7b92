/// A user as stored (the password hash never leaves the store except to be verified).
public struct StoredUser: Sendable, Equatable, Identifiable {
    public let id: Int64
    public let organisationID: Int64
    public let email: String
    public let displayName: String
    public let role: Role
    public let passwordHash: String
    public let disabled: Bool
    /// Set by an administrator's reset: every page but the change form sends them there.
    public let mustChangePassword: Bool

    public init(id: Int64, organisationID: Int64, email: String, displayName: String, role: Role, passwordHash: String, disabled: Bool,
        mustChangePassword: Bool) {
        self.id = id
        self.organisationID = organisationID
        self.email = email
        self.displayName = displayName
        self.role = role
        self.passwordHash = passwordHash
        self.disabled = disabled
        self.mustChangePassword = mustChangePassword
    }
}
