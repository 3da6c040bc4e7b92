/// The fields the model compares, in the order of their levels in a ``ComparisonVector``.
public enum LinkageField: Int, Sendable, CaseIterable {
    case givenName, middleNames, familyName, dateOfBirth, gender, postcode, address, phone, upn, uln, school

    public var name: String {
        switch self {
        case .givenName: "given_name"
        case .middleNames: "middle_names"
        case .familyName: "family_name"
        case .dateOfBirth: "dob"
        case .gender: "gender"
        case .postcode: "postcode"
        case .address: "address"
        case .phone: "phone"
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
        case .upn, .uln: IdentifierLevel.allCases.map { "\($0)" }
        case .gender, .address, .phone, .school: AgreementLevel.allCases.map { "\($0)" }
        }
    }

    /// How many levels the field has. Counted from the cases, not the names:
    /// the model asks for it in its inner loops, where describing every case
    /// as a string only to count them took a tenth of a small linkage run.
    public var levelCount: Int {
        switch self {
        case .givenName, .middleNames, .familyName: NameLevel.allCases.count
        case .dateOfBirth: DateLevel.allCases.count
        case .postcode: PostcodeLevel.allCases.count
        case .upn, .uln: IdentifierLevel.allCases.count
        case .gender, .address, .phone, .school: AgreementLevel.allCases.count
        }
    }

    /// Fields a whole household shares: brothers and sisters agree on them as
    /// often as a person's own records do, so they are one piece of evidence
    /// together, never one each, and they do not steer EM's classes.
    public var isHousehold: Bool {
        switch self {
        case .postcode, .address, .phone, .school: true
        default: false
        }
    }

    static let personFields = allCases.filter { !$0.isHousehold }.map(\.rawValue)
    static let householdFields = allCases.filter(\.isHousehold).map(\.rawValue)

    static let count = allCases.count
}
