import WaymarkCore

/// A young person with their whole history, ready to be loaded in bulk with
/// an id chosen by the caller (so a generated LA keeps its keys).
public struct BulkPerson: Sendable {
    public var id: Int64
    public var person: NewYoungPerson
    public var addresses: [AddressRecord]
    public var contactDetails: [ContactDetailRecord]
    public var activities: [(record: ActivityRecord, organisationID: Int64?)]
    public var characteristics: [CharacteristicRecord]
    public var needs: [NeedAssessment]
    public var intendedDestination: IntendedDestinationRecord?
    public var guarantees: [GuaranteeRecord]

    public init(
        id: Int64, person: NewYoungPerson, addresses: [AddressRecord] = [], contactDetails: [ContactDetailRecord] = [],
        activities: [(record: ActivityRecord, organisationID: Int64?)] = [], characteristics: [CharacteristicRecord] = [],
        needs: [NeedAssessment] = [], intendedDestination: IntendedDestinationRecord? = nil, guarantees: [GuaranteeRecord] = []
    ) {
        self.id = id
        self.person = person
        self.addresses = addresses
        self.contactDetails = contactDetails
        self.activities = activities
        self.characteristics = characteristics
        self.needs = needs
        self.intendedDestination = intendedDestination
        self.guarantees = guarantees
    }
}
