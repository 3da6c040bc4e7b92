public import Foundation
public import WaymarkRecords
import WaymarkStore

/// The administrator's work on accounts: list, add, change role or status,
/// reset a password. Administrators cannot lock themselves out: their own
/// role and status are not theirs to change here.
public struct UserAdministration: Sendable {
    let store: Store
    let cost: UInt8
    let hasher: PasswordHasher
    /// Where invitation links start.
    let publicURL: String

    init(store: Store, cost: UInt8, hasher: PasswordHasher, publicURL: String) {
        self.store = store
        self.cost = cost
        self.hasher = hasher
        self.publicURL = publicURL.hasSuffix("/") ? String(publicURL.dropLast()) : publicURL
    }

    public func accounts(for grant: AccessGrant) async throws -> (users: [StoredUser], organisations: [StoredOrganisation]) {
        try grant.require(.manageUsers)
        async let users = UserQueries(store: store).all()
        async let organisations = OrganisationQueries(store: store).all()
        return (try await users, try await organisations)
    }

    /// Invitations not yet accepted, by user, for the accounts list.
    public func invitations(for grant: AccessGrant, at now: Date) async throws -> [Int64: InvitationState] {
        try grant.require(.manageUsers)
        return try await UserInvitationStore(store: store).outstanding(now: now)
    }

    /// Adds an account with no password and returns the one-time link through
    /// which its user sets one. Throws ``AccountError`` for details no one could sign in with.
    public func invite(
        email: String, displayName: String, role: Role, organisationID: Int64, for grant: AccessGrant, at now: Date
    ) async throws -> IssuedInvitation {
        try grant.require(.manageUsers)
        let (id, token, expiresAt) = try await UserAccounts(store: store, cost: cost, hasher: hasher).invite(
            email: email, displayName: displayName, role: role, organisationID: organisationID, by: grant.actor, at: now)
        return IssuedInvitation(account: try await account(id), link: link(token), expiresAt: expiresAt, queuedByEmail: false)
    }

    /// A fresh link for someone who has not yet accepted; the old link stops working.
    public func reissueInvitation(for userID: Int64, grant: AccessGrant, at now: Date) async throws -> IssuedInvitation {
        try grant.require(.manageUsers)
        let target = try await account(userID)
        guard try await UserInvitationStore(store: store).outstanding(now: now)[target.id] != nil else {
            throw Refusal.badRequest("\(target.displayName) has already set a password: use Reset password instead.")
        }
        let token = InvitationToken.make()
        let expiresAt = now.addingTimeInterval(Invitations.lifetime)
        try await store.change(by: grant.actor, at: now) { tx in
            try await tx.issueInvitation(tokenHash: InvitationToken.hash(token), userID: target.id, expiresAt: expiresAt, reissued: true)
        }
        return IssuedInvitation(account: target, link: link(token), expiresAt: expiresAt, queuedByEmail: false)
    }

    private func link(_ token: String) -> String { publicURL + Invitations.path + token }

    /// Throws ``AccountError`` for anything a person could not sign in with.
    public func add(
        email: String, displayName: String, role: Role, password: String, organisationID: Int64, for grant: AccessGrant, at now: Date
    ) async throws -> Int64 {
        try grant.require(.manageUsers)
        return try await UserAccounts(store: store, cost: cost, hasher: hasher).add(
            email: email, displayName: displayName, role: role, password: password, organisationID: organisationID, by: grant.actor, at: now)
    }

    /// Sets what changed of a role and an active or disabled status, in one transaction.
    public func update(_ userID: Int64, role: Role?, disabled: Bool?, for grant: AccessGrant, at now: Date) async throws {
        try grant.require(.manageUsers)
        let target = try await account(userID)
        guard target.id != grant.user.id else {
            throw Refusal.badRequest("You cannot change your own role or disable your own account. Ask another administrator.")
        }
        if let role, let organisation = try await OrganisationQueries(store: store).organisation(id: target.organisationID),
            !UserAccounts.fits(role, organisation.kind)
        {
            throw Refusal.badRequest(AccountError.roleDoesNotFitOrganisation(role: role, kind: organisation.kind).description)
        }
        try await store.change(by: grant.actor, at: now) { tx in
            if let role, role != target.role { try await tx.setRole(of: target.id, to: role) }
            if let disabled, disabled != target.disabled { try await tx.setDisabled(disabled, userID: target.id) }
        }
    }

    /// Sets a temporary password, returned once to be passed on and never
    /// stored in clear; the user must choose their own at next sign-in.
    public func resetPassword(of userID: Int64, for grant: AccessGrant, at now: Date) async throws -> (account: StoredUser, temporary: String) {
        try grant.require(.manageUsers)
        let target = try await account(userID)
        guard target.id != grant.user.id else {
            throw Refusal.badRequest("Change your own password from Your password, not by resetting it.")
        }
        // The accounts page offers an invited account a new invitation, not a reset: a
        // temporary password would set the account up behind its invitation's back.
        guard target.passwordHash != Invitations.noPasswordYet else {
            throw Refusal.conflict("\(target.displayName) has not set up their account yet. Send them a new invitation instead of resetting a password.")
        }
        let temporary = try await PasswordChanges(store: store, cost: cost, hasher: hasher).reset(userID: target.id, by: grant.actor, at: now)
        return (target, temporary)
    }

    private func account(_ id: Int64) async throws -> StoredUser {
        guard let user = try await UserQueries(store: store).user(id: id) else { throw Refusal.notFound("There is no user with that id.") }
        return user
    }
}
