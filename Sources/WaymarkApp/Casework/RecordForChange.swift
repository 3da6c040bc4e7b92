public import WaymarkCore
public import WaymarkRecords

/// A young person's record the user has been cleared to change: in their
/// scope, and theirs to change (any record for tracking roles, the caseload
/// for an adviser) or to assign. Only ``CaseworkDesk`` makes one.
public struct RecordForChange: Sendable {
    public let grant: AccessGrant
    public let placement: CaseloadPlacement

    public var personID: Int64 { placement.personID }
    /// The sensitivity classes the user sees, and so may record.
    public var visible: Set<SensitivityClass> { grant.visibleClasses }
}

/// What the user means to do to a record.
public enum ChangeNeed: Sendable {
    /// Record casework: contacts, activities, details, follow-ups and appointments.
    case change
    /// Assign an adviser, tier or level of need.
    case assign
}

/// A record's details page: what may be changed there, and the current values.
public struct RecordDetails: Sendable {
    /// The person as the user may see them (withheld classes removed).
    public let person: PersonBundle
    public let contactDetails: [StoredContactDetail]
    /// Only the characteristics of classes the user sees.
    public let characteristics: [(id: Int64, record: CharacteristicRecord)]
    public let preferences: ContactPreferences
    /// Corrections to the name or date of birth, newest first.
    public let corrections: [StoredCorrection]
    /// Who made each correction, by user id.
    public let correctedBy: [Int64: String]
}
