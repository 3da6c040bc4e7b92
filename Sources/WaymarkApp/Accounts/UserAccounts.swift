import Foundation
import HummingbirdBcrypt
import WaymarkStore

/// Adds users with bcrypt-hashed passwords. Hashing is deliberately slow, so
/// it runs off the cooperative thread pool's hot path (one hash per call).
public struct UserAccounts: Sendable {
    let store: Store
    /// bcrypt work factor; 12 in production, lower only where tests say so.
    let cost: UInt8

    public init(store: Store, cost: UInt8 = 12) {
        self.store = store
        self.cost = cost
    }

    /// Rejects what a person could not sign in with: an address without "@", a short password.
    public func add(email: String, displayName: String, role: Role, password: String, organisationID: Int64, by actor: Actor, at now: Date) async throws -> Int64 {
        let trimmed = email.trimmingCharacters(in: .whitespaces).lowercased()
        guard trimmed.contains("@"), !trimmed.hasPrefix("@"), !trimmed.hasSuffix("@") else {
            throw AccountError.invalidEmail(email)
        }
        guard password.count >= 10 else { throw AccountError.passwordTooShort(minimum: 10) }
        let hash = Bcrypt.hash(password, cost: cost)
        let user = NewUser(organisationID: organisationID, email: trimmed, displayName: displayName, role: role, passwordHash: hash)
        return try await store.change(by: actor, at: now) { tx in try await tx.createUser(user) }
    }
}

/// Why an account could not be created, in words an administrator can act on.
public enum AccountError: Error, Equatable, CustomStringConvertible {
    case invalidEmail(String)
    case passwordTooShort(minimum: Int)
    case unknownRole(String)
    case unknownOrganisation(Int64)

    public var description: String {
        switch self {
        case .invalidEmail(let email): "email: '\(email)' is not an e-mail address"
        case .passwordTooShort(let minimum): "password: must be at least \(minimum) characters"
        case .unknownRole(let role): "role: '\(role)' is not one of \(Role.allCases.map(\.rawValue).joined(separator: ", "))"
        case .unknownOrganisation(let id): "organisation: there is no organisation with id \(id)"
        }
    }
}
