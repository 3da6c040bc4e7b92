public import Foundation

/// Where a user's invitation to set a password stands, as the administrator's list shows it.
public enum InvitationState: Sendable, Equatable {
    case pending(expiresAt: Date)
    case expired
}
