/// One record as a source holds it, with the truth kept beside it: who it
/// really is and which household they live in.
public struct HouseholdRecord: Sendable, Equatable {
    public var recordID: String
    public var source: RecordSource
    public var givenName: String?
    public var middleNames: String?
    public var familyName: String?
    /// (year, month, day) as the source typed it; nil when it holds none.
    public var dateOfBirth: (year: Int, month: Int, day: Int)?
    public var gender: String?
    public var postcode: String?
    public var address: String?
    public var phone: String?
    public var upn: String?
    public var uln: String?
    public var school: String?
    /// The person this record is of.
    public let personKey: Int
    public let householdKey: Int

    public static func == (a: HouseholdRecord, b: HouseholdRecord) -> Bool {
        a.recordID == b.recordID && a.source == b.source && a.givenName == b.givenName && a.middleNames == b.middleNames
            && a.familyName == b.familyName && a.dateOfBirth?.year == b.dateOfBirth?.year && a.dateOfBirth?.month == b.dateOfBirth?.month
            && a.dateOfBirth?.day == b.dateOfBirth?.day && a.gender == b.gender && a.postcode == b.postcode && a.address == b.address
            && a.phone == b.phone && a.upn == b.upn && a.uln == b.uln && a.school == b.school && a.personKey == b.personKey
            && a.householdKey == b.householdKey
    }
}

/// Where a record came from; each source has its own habits (see ``SourceHabits``).
public enum RecordSource: String, Sendable, CaseIterable {
    case schoolCensus, college, youthService, admissions
}
