public import WaymarkCore

/// One line of the known-to register as stored.
public struct StoredInvolvement: Sendable, Equatable, Identifiable {
    public let id: Int64
    public let personID: Int64
    public let organisationID: Int64
    public let organisationName: String
    public let organisationKind: OrganisationKind
    public let workerUserID: Int64?
    public let workerName: String?
    public let workerRole: String
    public let from: CalendarDate
    public let to: CalendarDate?
    public let referralID: Int64?

    public init(
        id: Int64, personID: Int64, organisationID: Int64, organisationName: String, organisationKind: OrganisationKind, workerUserID: Int64?,
        workerName: String?, workerRole: String, from: CalendarDate, to: CalendarDate?, referralID: Int64?
    ) {
        self.id = id
        self.personID = personID
        self.organisationID = organisationID
        self.organisationName = organisationName
        self.organisationKind = organisationKind
        self.workerUserID = workerUserID
        self.workerName = workerName
        self.workerRole = workerRole
        self.from = from
        self.to = to
        self.referralID = referralID
    }

    public var isOpen: Bool { to == nil }
}

/// The lead professional of a young person, as stored.
public struct StoredLeadProfessional: Sendable, Equatable {
    public let id: Int64
    public let userID: Int64
    public let userName: String
    public let organisationID: Int64
    public let organisationName: String
    public let from: CalendarDate
    public let agreed: String

    public init(id: Int64, userID: Int64, userName: String, organisationID: Int64, organisationName: String, from: CalendarDate, agreed: String) {
        self.id = id
        self.userID = userID
        self.userName = userName
        self.organisationID = organisationID
        self.organisationName = organisationName
        self.from = from
        self.agreed = agreed
    }
}
