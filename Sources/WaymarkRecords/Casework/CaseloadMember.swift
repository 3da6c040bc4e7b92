/// One young person on an adviser's caseload, with what the lists show.
public struct CaseloadMember: Sendable, Equatable, Identifiable {
    public let id: Int64
    public let givenName: String
    public let familyName: String
    public let dateOfBirth: String
    public let cohortStatus: String
    public let tier: Int?
    public let since: String?
    public let school: String?

    public init(id: Int64, givenName: String, familyName: String, dateOfBirth: String, cohortStatus: String, tier: Int?, since: String?,
        school: String?) {
        self.id = id
        self.givenName = givenName
        self.familyName = familyName
        self.dateOfBirth = dateOfBirth
        self.cohortStatus = cohortStatus
        self.tier = tier
        self.since = since
        self.school = school
    }
}
