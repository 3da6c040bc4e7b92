/// One record to link or deduplicate, as a source holds it. Only the id is
/// required: a missing field neither counts for nor against a match.
public struct LinkageRecord: Sendable, Equatable {
    public var recordID: String
    public var givenName: String?
    public var middleNames: String?
    public var familyName: String?
    public var dateOfBirth: BirthDate?
    public var gender: String?
    public var postcode: String?
    public var address: String?
    /// A household's or the young person's own number: shared by brothers and sisters.
    public var phone: String?
    /// Unique pupil number.
    public var upn: String?
    /// Unique learner number.
    public var uln: String?
    public var school: String?

    public init(
        recordID: String, givenName: String? = nil, middleNames: String? = nil, familyName: String? = nil, dateOfBirth: BirthDate? = nil,
        gender: String? = nil, postcode: String? = nil, address: String? = nil, phone: String? = nil, upn: String? = nil, uln: String? = nil, school: String? = nil
    ) {
        self.recordID = recordID
        self.givenName = givenName
        self.middleNames = middleNames
        self.familyName = familyName
        self.dateOfBirth = dateOfBirth
        self.gender = gender
        self.postcode = postcode
        self.address = address
        self.phone = phone
        self.upn = upn
        self.uln = uln
        self.school = school
    }
}
