/// One adviser's line on the manager's team view.
public struct AdviserWorkload: Sendable, Equatable, Identifiable {
    public let id: Int64
    public let displayName: String
    public let disabled: Bool
    public let caseload: Int
    public let contactsThisMonth: Int

    public init(id: Int64, displayName: String, disabled: Bool, caseload: Int, contactsThisMonth: Int) {
        self.id = id
        self.displayName = displayName
        self.disabled = disabled
        self.caseload = caseload
        self.contactsThisMonth = contactsThisMonth
    }
}
