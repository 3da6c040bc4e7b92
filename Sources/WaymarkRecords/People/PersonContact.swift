public import WaymarkCore

/// How someone in a young person's life stands to them. Some relationships
/// say more than who the contact is: a youth justice worker tells that the
/// young person is supervised, a social worker that they may be in care, so
/// those are shown only to whoever sees that kind of fact.
public enum ContactRelationship: String, CaseIterable, Sendable {
    case parent, carer, guardian, sibling, grandparent
    case otherFamily = "other-family"
    case socialWorker = "social-worker"
    case youthJusticeWorker = "youth-justice-worker"
    case otherProfessional = "other-professional"
    case other

    public var label: String {
        switch self {
        case .parent: "Parent"
        case .carer: "Carer"
        case .guardian: "Guardian"
        case .sibling: "Brother or sister"
        case .grandparent: "Grandparent"
        case .otherFamily: "Other family member"
        case .socialWorker: "Social worker"
        case .youthJusticeWorker: "Youth justice worker"
        case .otherProfessional: "Other professional"
        case .other: "Other"
        }
    }

    /// Professionals have an organisation; family members do not.
    public var isProfessional: Bool {
        switch self {
        case .socialWorker, .youthJusticeWorker, .otherProfessional: true
        default: false
        }
    }

    /// The kind of fact the contact's existence discloses, besides how to reach people.
    public var discloses: SensitivityClass? {
        switch self {
        case .socialWorker: .careStatus
        case .youthJusticeWorker: .offending
        default: nil
        }
    }

    /// Every class a user must see to be shown (or to record) this contact.
    public var requiredClasses: Set<SensitivityClass> {
        var classes: Set<SensitivityClass> = [.contact]
        if let discloses { classes.insert(discloses) }
        return classes
    }
}

/// A parent, carer or professional as entered on a young person's record.
/// Their details are a third party's personal data, held to reach the young person.
public struct PersonContactDetails: Sendable, Equatable {
    public static let notesLimit = 500

    public var name: String
    public var relationship: ContactRelationship
    /// For professionals: the team or organisation they work for.
    public var organisation: String?
    public var phone: String?
    public var email: String?
    public var address: String?
    public var livesWithYoungPerson: Bool
    public var hasParentalResponsibility: Bool
    /// The young person agrees that we may contact this person about them.
    public var youngPersonAgreesToContact: Bool
    public var notes: String?

    public init(
        name: String, relationship: ContactRelationship, organisation: String? = nil, phone: String? = nil, email: String? = nil, address: String? = nil,
        livesWithYoungPerson: Bool = false, hasParentalResponsibility: Bool = false, youngPersonAgreesToContact: Bool = false, notes: String? = nil
    ) {
        self.name = name
        self.relationship = relationship
        self.organisation = organisation
        self.phone = phone
        self.email = email
        self.address = address
        self.livesWithYoungPerson = livesWithYoungPerson
        self.hasParentalResponsibility = hasParentalResponsibility
        self.youngPersonAgreesToContact = youngPersonAgreesToContact
        self.notes = notes
    }
}

/// A contact as stored: ended contacts are kept, with the day they ended.
public struct StoredPersonContact: Sendable, Equatable {
    public let id: Int64
    public let personID: Int64
    public let details: PersonContactDetails
    public let startedOn: CalendarDate
    public let endedOn: CalendarDate?
    public let source: String
    public let recordedBy: Int64?
    public let recordedAt: String

    public init(
        id: Int64, personID: Int64, details: PersonContactDetails, startedOn: CalendarDate, endedOn: CalendarDate?, source: String, recordedBy: Int64?,
        recordedAt: String
    ) {
        self.id = id
        self.personID = personID
        self.details = details
        self.startedOn = startedOn
        self.endedOn = endedOn
        self.source = source
        self.recordedBy = recordedBy
        self.recordedAt = recordedAt
    }

    public var isCurrent: Bool { endedOn == nil }
}
