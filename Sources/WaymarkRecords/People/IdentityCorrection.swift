public import WaymarkCore

/// Why a name or date of birth was corrected.
public enum CorrectionReason: String, CaseIterable, Sendable {
    case spellingMistake = "spelling-mistake"
    case legalChangeOfName = "legal-change-of-name"
    case wrongDateOfBirth = "wrong-date-of-birth"
    case other

    public var label: String {
        switch self {
        case .spellingMistake: "Spelling mistake"
        case .legalChangeOfName: "Legal change of name"
        case .wrongDateOfBirth: "Wrong date of birth entered"
        case .other: "Other"
        }
    }
}

/// The identity fields a correction may change.
public enum CorrectedField: String, CaseIterable, Sendable {
    case givenName = "given-name"
    case familyName = "family-name"
    case dateOfBirth = "date-of-birth"

    public var label: String {
        switch self {
        case .givenName: "Given name"
        case .familyName: "Family name"
        case .dateOfBirth: "Date of birth"
        }
    }
}

/// A correction asked for: the new values (nil where unchanged) and why.
public struct IdentityCorrection: Sendable, Equatable {
    /// How long the words of an "other" reason may be.
    public static let explanationLimit = 200

    public var givenName: String?
    public var familyName: String?
    public var dateOfBirth: CalendarDate?
    public var reason: CorrectionReason
    /// Required for "other"; optional words for the rest.
    public var explanation: String?

    public init(givenName: String?, familyName: String?, dateOfBirth: CalendarDate?, reason: CorrectionReason, explanation: String?) {
        self.givenName = givenName
        self.familyName = familyName
        self.dateOfBirth = dateOfBirth
        self.reason = reason
        self.explanation = explanation
    }

    /// The fields that really change against the current identity, with old and new values as stored.
    /// Dates compare as ISO text, as the record keeps them.
    public func changes(givenName oldGiven: String, familyName oldFamily: String, dateOfBirth oldDate: String) -> [(field: CorrectedField, old: String, new: String)] {
        var found: [(field: CorrectedField, old: String, new: String)] = []
        if let givenName, givenName != oldGiven { found.append((.givenName, oldGiven, givenName)) }
        if let familyName, familyName != oldFamily { found.append((.familyName, oldFamily, familyName)) }
        if let dateOfBirth, dateOfBirth.iso != oldDate { found.append((.dateOfBirth, oldDate, dateOfBirth.iso)) }
        return found
    }
}

/// One field's correction as kept on the record.
public struct StoredCorrection: Sendable, Equatable {
    public let id: Int64
    public let field: CorrectedField
    public let oldValue: String
    public let newValue: String
    public let reason: CorrectionReason
    public let explanation: String?
    public let recordedBy: Int64?
    public let recordedAt: String

    public init(
        id: Int64, field: CorrectedField, oldValue: String, newValue: String, reason: CorrectionReason, explanation: String?, recordedBy: Int64?,
        recordedAt: String
    ) {
        self.id = id
        self.field = field
        self.oldValue = oldValue
        self.newValue = newValue
        self.reason = reason
        self.explanation = explanation
        self.recordedBy = recordedBy
        self.recordedAt = recordedAt
    }
}
