public import Foundation
public import WaymarkRecords

/// An invitation just made: the link to pass on, shown once and never again.
public struct IssuedInvitation: Sendable {
    public let account: StoredUser
    /// "https://host/invitation/<token>".
    public let link: String
    public let expiresAt: Date
    /// Staff accounts have no e-mail sending yet: the administrator passes the link on.
    public let queuedByEmail: Bool
}

public enum Invitations {
    /// Long enough to reach someone back from a week's leave; short enough that a forgotten link dies.
    public static let lifetime: TimeInterval = 7 * 86_400
    /// What an invited account holds until its user sets a password: no bcrypt hash, so nothing signs in with it.
    static let noPasswordYet = "!invited"
    static let path = "/invitation/"
}
