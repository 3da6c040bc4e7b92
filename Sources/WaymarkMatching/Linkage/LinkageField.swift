/// The fields the model compares, in the order of their levels in a ``ComparisonVector``.
public enum LinkageField: Int, Sendable, CaseIterable {
    case givenName, middleNames, familyName, dateOfBirth, gender, postcode, address, upn, uln, school

    public var name: String {
        switch self {
        case .givenName: "given_name"
        case .middleNames: "middle_names"
        case .familyName: "family_name"
        case .dateOfBirth: "dob"
        case .gender: "gender"
        case .postcode: "postcode"
        case .address: "address"
        case .upn: "upn"
        case .uln: "uln"
        case .school: "school"
        }
    }

    /// Level names, indexed by the level's raw value.
    public var levelNames: [String] {
        switch self {
        case .givenName, .middleNames, .familyName: NameLevel.allCases.map { "\($0)" }
        case .dateOfBirth: DateLevel.allCases.map { "\($0)" }
        case .postcode: PostcodeLevel.allCases.map { "\($0)" }
        case .gender, .address, .upn, .uln, .school: AgreementLevel.allCases.map { "\($0)" }
        }
    }

    public var levelCount: Int { levelNames.count }

    static let count = allCases.count
}
