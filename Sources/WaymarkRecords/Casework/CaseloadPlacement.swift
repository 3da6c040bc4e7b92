/// Whose caseload a young person is on, as far as access decisions need it.
public struct CaseloadPlacement: Sendable, Equatable {
    public let personID: Int64
    public let adviserID: Int64?
    public let tier: Int?
    public let since: String?

    public init(personID: Int64, adviserID: Int64?, tier: Int?, since: String?) {
        self.personID = personID
        self.adviserID = adviserID
        self.tier = tier
        self.since = since
    }
}
