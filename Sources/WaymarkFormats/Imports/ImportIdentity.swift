public import WaymarkCore

/// Who a row is about, as the source gave it, typed and normalised for
/// matching: names trimmed, UPN and postcode upper-cased, the postcode with
/// one space before its inward part ("nm34qt" → "NM3 4QT").
public struct ImportIdentity: Hashable, Sendable {
    /// The source's own id for the person (admission number, learner reference...).
    public var recordReference: String?
    public var givenName: String
    public var middleNames: String?
    public var familyName: String
    public var dateOfBirth: CalendarDate
    public var gender: Gender?
    public var postcode: String?
    /// Address lines and town, in order, blanks left out.
    public var addressLines: [String]
    /// 13 characters with a correct check letter (see `ImportValues.upn`).
    public var upn: String?
    /// 10 digits.
    public var uln: String?

    public init(
        recordReference: String? = nil, givenName: String, middleNames: String? = nil, familyName: String,
        dateOfBirth: CalendarDate, gender: Gender? = nil, postcode: String? = nil, addressLines: [String] = [],
        upn: String? = nil, uln: String? = nil
    ) {
        self.recordReference = recordReference
        self.givenName = givenName
        self.middleNames = middleNames
        self.familyName = familyName
        self.dateOfBirth = dateOfBirth
        self.gender = gender
        self.postcode = postcode
        self.addressLines = addressLines
        self.upn = upn
        self.uln = uln
    }
}
