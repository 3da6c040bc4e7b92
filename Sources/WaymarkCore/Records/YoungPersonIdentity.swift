/// Who a young person is: the identity fields of the NCCIS young person record.
public struct YoungPersonIdentity: Equatable, Hashable, Sendable {
    public var givenName: String
    public var middleNames: String?
    public var familyName: String
    /// The name they use, when it differs from the given name.
    public var preferredName: String?
    public var dateOfBirth: CalendarDate
    public var gender: Gender
    public var ethnicity: Ethnicity
    /// Unique pupil number: 13 characters.
    public var upn: String?
    /// Unique learner number: 10 digits.
    public var uln: String?

    public init(
        givenName: String, middleNames: String? = nil, familyName: String, preferredName: String? = nil,
        dateOfBirth: CalendarDate, gender: Gender, ethnicity: Ethnicity, upn: String? = nil, uln: String? = nil
    ) {
        self.givenName = givenName
        self.middleNames = middleNames
        self.familyName = familyName
        self.preferredName = preferredName
        self.dateOfBirth = dateOfBirth
        self.gender = gender
        self.ethnicity = ethnicity
        self.upn = upn
        self.uln = uln
    }

    /// The national rules on identity fields (errors 2, 3, 30, 38, 44–46).
    public func violations() -> [RuleViolation] {
        var found: [RuleViolation] = []
        if givenName.trimmingWhitespace().isEmpty {
            found.append(.nccis(2, field: "GivenName", "The given name is missing"))
        } else if Self.hasIllegalCharacters(givenName) {
            found.append(.nccis(44, field: "GivenName", "The given name contains digits or characters that names cannot hold"))
        }
        if familyName.trimmingWhitespace().isEmpty {
            found.append(.nccis(3, field: "FamilyName", "The family name is missing"))
        } else if Self.hasIllegalCharacters(familyName) {
            found.append(.nccis(45, field: "FamilyName", "The family name contains digits or characters that names cannot hold"))
        }
        if let middle = middleNames, Self.hasIllegalCharacters(middle) {
            found.append(.nccis(46, field: "MiddleName", "The middle name contains digits or characters that names cannot hold"))
        }
        if let uln, !(uln.count == 10 && uln.allSatisfy(\.isASCIIDigit)) {
            found.append(.nccis(30, field: "UniqueLearnerNo", "The ULN must be 10 digits"))
        }
        if let upn, upn.count != 13 {
            found.append(.nccis(38, field: "UniquePupilNumber", "The UPN must be 13 characters"))
        }
        return found
    }

    /// Checks the identity and returns it, or throws every rule it breaks.
    public func validated() throws -> YoungPersonIdentity {
        let found = violations()
        guard found.isEmpty else { throw ValidationFailure(found) }
        return self
    }

    private static let illegalNameCharacters = Set("/\\:?@$&*(){}[]!\"+=|0123456789")

    static func hasIllegalCharacters(_ name: String) -> Bool {
        name.contains { illegalNameCharacters.contains($0) }
    }
}
