public import WaymarkCore

/// Narrows a work queue; every filter is applied in SQL.
public struct QueueFilter: Sendable, Equatable {
    public var schoolID: Int64?
    public var adviserID: Int64?
    /// Matched against the current address's ward, ignoring case and surrounding spaces.
    public var ward: String?
    public var characteristic: CharacteristicCode?

    public init(schoolID: Int64? = nil, adviserID: Int64? = nil, ward: String? = nil, characteristic: CharacteristicCode? = nil) {
        self.schoolID = schoolID
        self.adviserID = adviserID
        self.ward = ward
        self.characteristic = characteristic
    }
}
