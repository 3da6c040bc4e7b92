public import Foundation
public import WaymarkCore

/// A provision with the names of who recorded and withdrew it (nil for the
/// young person on their own page, or a system).
public struct RecordedConsent: Sendable, Equatable {
    public let provision: ConsentProvision
    public let recordedBy: String?
    public let withdrawnBy: String?

    public init(provision: ConsentProvision, recordedBy: String?, withdrawnBy: String?) {
        self.provision = provision
        self.recordedBy = recordedBy
        self.withdrawnBy = withdrawnBy
    }
}

/// One opening of a young person's record, as they are shown it: when,
/// and the role and organisation of whoever opened it.
public struct RecordVisit: Sendable, Equatable {
    public let at: Date
    /// Nil for a system or the young person themselves.
    public let role: Role?
    public let organisation: String?
    /// "user:12", "system:self-service".
    public let actor: String

    public init(at: Date, role: Role?, organisation: String?, actor: String) {
        self.at = at
        self.role = role
        self.organisation = organisation
        self.actor = actor
    }
}
