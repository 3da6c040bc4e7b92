public import Foundation
public import WaymarkCore
public import WaymarkRecords
public import WaymarkStore

/// Adds users with bcrypt-hashed passwords. Hashing is deliberately slow, so
/// it runs on the ``PasswordHasher``'s own threads.
public struct UserAccounts: Sendable {
    let store: Store
    /// bcrypt work factor; 12 in production, lower only where tests say so.
    let cost: UInt8
    let hasher: PasswordHasher

    public static let minimumPasswordLength = 10
    public static let maximumPasswordLength = 200

    public init(store: Store, cost: UInt8 = 12, hasher: PasswordHasher = .shared) {
        self.store = store
        self.cost = cost
        self.hasher = hasher
    }

    /// Rejects what a person could not sign in with: an address without "@", a short password.
    public func add(email: String, displayName: String, role: Role, password: String, organisationID: Int64, by actor: Actor, at now: Date) async throws -> Int64 {
        let user = try await checked(email: email, displayName: displayName, role: role, organisationID: organisationID, passwordHash: "")
        guard password.count >= Self.minimumPasswordLength else { throw AccountError.passwordTooShort(minimum: Self.minimumPasswordLength) }
        guard password.count <= Self.maximumPasswordLength else { throw AccountError.passwordTooLong(maximum: Self.maximumPasswordLength) }
        let hash = try await hasher.hash(password, cost: cost)
        let account = NewUser(organisationID: user.organisationID, email: user.email, displayName: user.displayName, role: role, passwordHash: hash)
        return try await store.change(by: actor, at: now) { tx in try await tx.createUser(account) }
    }

    /// Creates the account with no password and an invitation to set one,
    /// together; returns the account's id and the link's token (to be shown once).
    func invite(
        email: String, displayName: String, role: Role, organisationID: Int64, by actor: Actor, at now: Date
    ) async throws -> (userID: Int64, token: String, expiresAt: Date) {
        let user = try await checked(
            email: email, displayName: displayName, role: role, organisationID: organisationID, passwordHash: Invitations.noPasswordYet)
        let token = InvitationToken.make()
        let expiresAt = now.addingTimeInterval(Invitations.lifetime)
        let id = try await store.change(by: actor, at: now) { tx in
            let id = try await tx.createUser(user)
            try await tx.issueInvitation(tokenHash: InvitationToken.hash(token), userID: id, expiresAt: expiresAt, reissued: false)
            return id
        }
        return (id, token, expiresAt)
    }

    /// The new account's details, checked: a real address not yet in use, a name, an organisation the role fits.
    private func checked(email: String, displayName: String, role: Role, organisationID: Int64, passwordHash: String) async throws -> NewUser {
        let trimmed = email.trimmingCharacters(in: .whitespaces).lowercased()
        guard trimmed.contains("@"), !trimmed.hasPrefix("@"), !trimmed.hasSuffix("@") else {
            throw AccountError.invalidEmail(email)
        }
        guard trimmed.count <= 254 else { throw AccountError.invalidEmail(String(email.prefix(40)) + "…") }
        let name = displayName.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !name.isEmpty, name.count <= 100 else { throw AccountError.invalidName }
        guard let organisation = try await OrganisationQueries(store: store).organisation(id: organisationID) else {
            throw AccountError.unknownOrganisation(organisationID)
        }
        guard Self.fits(role, organisation.kind) else { throw AccountError.roleDoesNotFitOrganisation(role: role, kind: organisation.kind) }
        guard try await UserQueries(store: store).user(email: trimmed) == nil else { throw AccountError.emailInUse(trimmed) }
        return NewUser(organisationID: organisationID, email: trimmed, displayName: name, role: role, passwordHash: passwordHash)
    }

    /// Careers leaders work in schools and colleges; everyone else works for the LA.
    public static func fits(_ role: Role, _ kind: OrganisationKind) -> Bool {
        switch role {
        case .partnerWorker: kind.isPartner
        case .careersLeader: kind != .localAuthority && !kind.isPartner
        default: kind == .localAuthority
        }
    }
}

/// Why an account could not be created, in words an administrator can act on.
public enum AccountError: Error, Equatable, CustomStringConvertible {
    case invalidEmail(String)
    case passwordTooShort(minimum: Int)
    case unknownRole(String)
    case unknownOrganisation(Int64)
    case invalidName
    case passwordTooLong(maximum: Int)
    case emailInUse(String)
    case roleDoesNotFitOrganisation(role: Role, kind: OrganisationKind)

    public var description: String {
        switch self {
        case .invalidEmail(let email): "email: '\(email)' is not an e-mail address"
        case .passwordTooShort(let minimum): "password: must be at least \(minimum) characters"
        case .unknownRole(let role): "role: '\(role)' is not one of \(Role.allCases.map(\.rawValue).joined(separator: ", "))"
        case .unknownOrganisation(let id): "organisation: there is no organisation with id \(id)"
        case .invalidName: "name: enter the person's name (up to 100 characters)"
        case .passwordTooLong(let maximum): "password: must be at most \(maximum) characters"
        case .emailInUse(let email): "email: \(email) already has an account"
        case .roleDoesNotFitOrganisation(let role, let kind):
            "role: a \(role.displayName.lowercased()) cannot belong to a \(kind.rawValue) (careers leaders belong to schools and colleges, partner agency workers to partner services, everyone else to the LA)"
        }
    }
}
