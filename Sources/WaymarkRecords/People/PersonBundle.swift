public import WaymarkCore

/// A young person with every history the statutory outputs need, read in
/// batches. Person-level codes stay as stored text so a return can say which
/// stored value is not recognised instead of failing the whole file.
public struct PersonBundle: Sendable {
    public var id: Int64
    public var givenName: String?
    public var middleNames: String?
    public var familyName: String?
    public var dateOfBirth: CalendarDate?
    public var gender: String?
    public var ethnicity: String?
    public var upn: String?
    public var uln: String?
    public var cohortStatus: String?
    public var cohortStatusSince: CalendarDate?
    public var responsibleLA: String?
    public var educatedLA: String?
    public var laCodeAtYear11: String?
    public var transferredToLA: String?
    public var schoolName: String?
    public var addresses: [AddressRecord] = []
    public var activities: [ActivityRecord] = []
    public var characteristics: [CharacteristicRecord] = []
    public var needs: [NeedAssessment] = []
    public var intendedDestinations: [IntendedDestinationRecord] = []
    public var guarantees: [GuaranteeRecord] = []
    /// Stored rows that could not be read back as domain values.
    public var unreadable: [UnreadableValue] = []

    public init(id: Int64) {
        self.id = id
    }

    /// The address in force on a date (the latest that started by then).
    public func address(on date: CalendarDate) -> AddressRecord? {
        addresses.filter { $0.validFrom <= date && ($0.validTo.map { $0 >= date } ?? true) }.max { $0.validFrom < $1.validFrom }
            ?? addresses.filter { $0.validFrom <= date }.max { $0.validFrom < $1.validFrom }
    }

    /// The need assessment in force on a date.
    public func need(on date: CalendarDate) -> NeedAssessment? {
        needs.filter { $0.validFrom <= date }.last
    }

    /// The intended destination most recently recorded by a date.
    public func intendedDestination(on date: CalendarDate) -> IntendedDestinationRecord? {
        intendedDestinations.filter { $0.recordedOn <= date }.last
    }
}
