/// One adviser's line on the manager's team view.
public struct AdviserWorkload: Sendable, Equatable, Identifiable {
    public let id: Int64
    public let displayName: String
    public let disabled: Bool
    public let caseload: Int
    public let contactsThisMonth: Int
    /// Young people on the caseload now with any contact recorded this month (by anyone):
    /// with ``caseload``, the adviser's contact rate.
    public let caseloadContacted: Int

    public init(id: Int64, displayName: String, disabled: Bool, caseload: Int, contactsThisMonth: Int, caseloadContacted: Int = 0) {
        self.id = id
        self.displayName = displayName
        self.disabled = disabled
        self.caseload = caseload
        self.contactsThisMonth = contactsThisMonth
        self.caseloadContacted = caseloadContacted
    }
}
