public import WaymarkCore

/// Flags on a record that change how the service may act.
public enum PersonFlag: String, CaseIterable, Sendable {
    /// Do not contact (for one, a safeguarding concern): campaigns skip the young person.
    case doNotContact = "do-not-contact"
}

/// How a young person wants to be contacted, as now recorded.
public struct ContactPreferences: Sendable, Equatable {
    public var optedOut: Set<ContactChannel>
    public var doNotContact: Bool

    public init(optedOut: Set<ContactChannel>, doNotContact: Bool) {
        self.optedOut = optedOut
        self.doNotContact = doNotContact
    }
}
