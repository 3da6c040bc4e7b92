public import Foundation
public import WaymarkRecords
public import WaymarkStore

/// A user changing their own password, and an administrator resetting
/// someone else's to a temporary one they must change at next sign-in.
public struct PasswordChanges: Sendable {
    let store: Store
    let cost: UInt8
    let hasher: PasswordHasher

    public init(store: Store, cost: UInt8 = 12, hasher: PasswordHasher = .shared) {
        self.store = store
        self.cost = cost
        self.hasher = hasher
    }

    /// Checks the current password, then sets the new one and ends the
    /// user's other sessions (the one making the change stays signed in).
    public func change(
        user: StoredUser, current: String, new: String, confirmation: String, keepingSession tokenHash: String?, at now: Date
    ) async throws -> PasswordChangeProblem? {
        if let problem = Self.problem(current: current, new: new, confirmation: confirmation) { return problem }
        guard try await hasher.verify(current, hash: user.passwordHash) else { return .currentWrong }
        let hash = try await hasher.hash(new, cost: cost)
        try await store.change(by: .user(user.id), at: now) { tx in
            try await tx.setPassword(hash: hash, mustChange: false, userID: user.id, keepingSession: tokenHash)
        }
        return nil
    }

    /// Sets a random temporary password, ends every session of the user, and
    /// returns the password for the administrator to pass on (it is shown once, never stored in clear).
    public func reset(userID: Int64, by admin: Actor, at now: Date) async throws -> String {
        let temporary = TemporaryPassword.make()
        let hash = try await hasher.hash(temporary, cost: cost)
        try await store.change(by: admin, at: now) { tx in
            try await tx.setPassword(hash: hash, mustChange: true, userID: userID, keepingSession: nil)
        }
        return temporary
    }

    /// What is wrong with the form before any password is checked, in the order the fields appear.
    static func problem(current: String, new: String, confirmation: String) -> PasswordChangeProblem? {
        if current.isEmpty { return .currentMissing }
        if new.count < UserAccounts.minimumPasswordLength { return .newTooShort(minimum: UserAccounts.minimumPasswordLength) }
        if new.count > UserAccounts.maximumPasswordLength { return .newTooLong(maximum: UserAccounts.maximumPasswordLength) }
        if new == current { return .newSameAsCurrent }
        if new != confirmation { return .confirmationDiffers }
        return nil
    }
}

/// Why a password change was refused, tied to the field to fix.
public enum PasswordChangeProblem: Sendable, Equatable {
    case currentMissing, currentWrong
    case newTooShort(minimum: Int), newTooLong(maximum: Int), newSameAsCurrent
    case confirmationDiffers

    /// The id of the form field the error summary links to.
    public var field: String {
        switch self {
        case .currentMissing, .currentWrong: "current-password"
        case .newTooShort, .newTooLong, .newSameAsCurrent: "new-password"
        case .confirmationDiffers: "confirm-password"
        }
    }

    public var message: String {
        switch self {
        case .currentMissing: "Enter your current password"
        case .currentWrong: "Your current password is not right"
        case .newTooShort(let minimum): "Your new password must be at least \(minimum) characters"
        case .newTooLong(let maximum): "Your new password must be at most \(maximum) characters"
        case .newSameAsCurrent: "Your new password must be different from your current one"
        case .confirmationDiffers: "The two new passwords do not match"
        }
    }
}
