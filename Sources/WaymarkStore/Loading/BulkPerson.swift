public import WaymarkCore
import WaymarkMatching
public import WaymarkRecords

/// A young person with their whole history, ready to be loaded in bulk with
/// an id chosen by the caller (so a generated LA keeps its keys).
public struct BulkPerson: Sendable {
    public var id: Int64
    public var person: NewYoungPerson {
        didSet { nameKeys = PersonNames(person.identity, aliases: aliases).keys }
    }
    /// Former and alternative names; search finds the person by these too.
    public var aliases: [BulkAlias] {
        didSet { nameKeys = PersonNames(person.identity, aliases: aliases).keys }
    }
    /// Worked out when the person is made, so a bulk load computes keys on the
    /// generating core rather than the writing one.
    private(set) var nameKeys: [NameKey]
    public var addresses: [AddressRecord]
    public var contactDetails: [ContactDetailRecord]
    public var activities: [(record: ActivityRecord, organisationID: Int64?)]
    public var characteristics: [CharacteristicRecord]
    public var needs: [NeedAssessment]
    public var intendedDestination: IntendedDestinationRecord?
    public var guarantees: [GuaranteeRecord]
    /// The school history: rolls, and the spells the activities at schools, colleges and providers make (``ActivityEnrolment``).
    public var enrolments: [NewEnrolment]
    /// What schools reported: attendance, suspensions, attainment, free school meals, first language, moves.
    public var schoolFacts: [SchoolFact]

    public init(
        id: Int64, person: NewYoungPerson, addresses: [AddressRecord] = [], contactDetails: [ContactDetailRecord] = [],
        activities: [(record: ActivityRecord, organisationID: Int64?)] = [], characteristics: [CharacteristicRecord] = [],
        needs: [NeedAssessment] = [], intendedDestination: IntendedDestinationRecord? = nil, guarantees: [GuaranteeRecord] = [],
        aliases: [BulkAlias] = [], enrolments: [NewEnrolment] = [], schoolFacts: [SchoolFact] = []
    ) {
        self.id = id
        self.person = person
        self.aliases = aliases
        self.nameKeys = PersonNames(person.identity, aliases: aliases).keys
        self.addresses = addresses
        self.contactDetails = contactDetails
        self.activities = activities
        self.characteristics = characteristics
        self.needs = needs
        self.intendedDestination = intendedDestination
        self.guarantees = guarantees
        self.enrolments = enrolments
        self.schoolFacts = schoolFacts
    }
}

/// A former or alternative name, loaded with the person.
public struct BulkAlias: Sendable, Equatable {
    public var givenName: String?
    public var familyName: String?
    /// Why the person has this name: "former", "alternative", "preferred spelling"…
    public var kind: String

    public init(givenName: String?, familyName: String?, kind: String) {
        self.givenName = givenName
        self.familyName = familyName
        self.kind = kind
    }
}
