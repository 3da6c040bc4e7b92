public import WaymarkCore

/// Narrows a work queue; every filter is applied in SQL.
public struct QueueFilter: Sendable, Equatable {
    public var schoolID: Int64?
    public var adviserID: Int64?
    /// Matched against the current address's ward, ignoring case and surrounding spaces.
    public var ward: String?
    public var characteristic: CharacteristicCode?
    /// A postcode sector ("LS6 2", as ``PostcodeParts/normalisedSector(_:)`` gives it): the current address's postcode is in it.
    public var postcodeSector: String?

    public init(schoolID: Int64? = nil, adviserID: Int64? = nil, ward: String? = nil, characteristic: CharacteristicCode? = nil, postcodeSector: String? = nil) {
        self.postcodeSector = postcodeSector
        self.schoolID = schoolID
        self.adviserID = adviserID
        self.ward = ward
        self.characteristic = characteristic
    }
}
