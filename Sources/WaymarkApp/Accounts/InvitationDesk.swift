public import Foundation
public import WaymarkRecords
import WaymarkStore

/// What opening an invitation link came to. Unknown, used, replaced and
/// expired links all read the same.
public enum InvitationAcceptance: Sendable, Equatable {
    case accepted(StoredUser)
    case refused(PasswordChangeProblem)
    case linkNotValid
}

/// The invited user's side: who the link is for, and setting their first
/// password (the same rules as changing one's own). The link is the only
/// key: 256 random bits, stored hashed, spent when used.
public struct InvitationDesk: Sendable {
    let store: Store
    let cost: UInt8
    let hasher: PasswordHasher

    init(store: Store, cost: UInt8, hasher: PasswordHasher) {
        self.store = store
        self.cost = cost
        self.hasher = hasher
    }

    /// The account a live link is for, or nil.
    public func invitee(token: String, now: Date) async throws -> StoredUser? {
        guard !token.isEmpty, token.utf8.count <= InvitationToken.maxLength else { return nil }
        return try await UserInvitationStore(store: store).invitee(tokenHash: InvitationToken.hash(token), now: now)
    }

    public func accept(token: String, password: String, confirmation: String, now: Date) async throws -> InvitationAcceptance {
        guard let user = try await invitee(token: token, now: now) else { return .linkNotValid }
        if let problem = Self.problem(password: password, confirmation: confirmation) { return .refused(problem) }
        let hash = try await hasher.hash(password, cost: cost)
        let accepted = try await store.change(by: .user(user.id), at: now) { tx in
            try await tx.acceptInvitation(tokenHash: InvitationToken.hash(token), userID: user.id, passwordHash: hash)
        }
        return accepted ? .accepted(user) : .linkNotValid
    }

    static func problem(password: String, confirmation: String) -> PasswordChangeProblem? {
        if password.count < UserAccounts.minimumPasswordLength { return .newTooShort(minimum: UserAccounts.minimumPasswordLength) }
        if password.count > UserAccounts.maximumPasswordLength { return .newTooLong(maximum: UserAccounts.maximumPasswordLength) }
        if password != confirmation { return .confirmationDiffers }
        return nil
    }
}
