/// A three-digit local authority code (Appendix B), including the special
/// codes for places outside English LAs.
public struct LocalAuthorityCode: Hashable, Sendable, Codable, Comparable, CustomStringConvertible {
    /// The three digits, e.g. "886".
    public let code: String

    /// Only for codes already checked against a registry.
    init(checked code: String) {
        self.code = code
    }

    public static let abroad = LocalAuthorityCode(checked: "000")
    public static let wales = LocalAuthorityCode(checked: "001")
    public static let scotland = LocalAuthorityCode(checked: "002")
    public static let otherUK = LocalAuthorityCode(checked: "003")
    public static let unknownArea = LocalAuthorityCode(checked: "004")
    public static let serviceChildrensEducation = LocalAuthorityCode(checked: "702")

    /// 000–004: somewhere that is not an English local authority.
    public var isOutsideEngland: Bool { code.hasPrefix("00") }

    /// 004 cannot be a transferred-to code (error 41).
    public var isValidTransferDestination: Bool { self != .unknownArea }

    public var description: String { code }

    public static func < (lhs: LocalAuthorityCode, rhs: LocalAuthorityCode) -> Bool { lhs.code < rhs.code }
}

/// The local authority codes Waymark accepts: the national list plus any the
/// installation adds (a reorganisation not yet in the table, or the demo LA).
public struct LocalAuthorityRegistry: Sendable {
    private let names: [String: String]

    /// The national list only.
    public static let national = LocalAuthorityRegistry(additional: [:])

    /// The national list plus extra codes, e.g. `["990": "Northmere (demo)"]`.
    public init(additional: [String: String]) {
        var names: [String: String] = [
            "000": "Abroad", "001": "Wales", "002": "Scotland", "003": "Other UK", "004": "Unknown area",
            "702": "Service Children's Education",
        ]
        for entry in LocalAuthorityTable.english { names[entry.code] = entry.name }
        for (code, name) in additional { names[code] = name }
        self.names = names
    }

    /// Parses and checks a code; anything unlisted is an error naming the field.
    public func code(_ text: String, field: String = "LACode") throws -> LocalAuthorityCode {
        let trimmed = text.trimmingWhitespace()
        guard trimmed.count == 3, trimmed.allSatisfy(\.isASCIIDigit), names[trimmed] != nil else {
            throw UnknownCodeError(field: field, value: text)
        }
        return LocalAuthorityCode(checked: trimmed)
    }

    /// The authority's name, e.g. "Kent".
    public func name(of code: LocalAuthorityCode) -> String? { names[code.code] }

    /// Every accepted code, sorted.
    public var allCodes: [LocalAuthorityCode] { names.keys.sorted().map(LocalAuthorityCode.init(checked:)) }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}
