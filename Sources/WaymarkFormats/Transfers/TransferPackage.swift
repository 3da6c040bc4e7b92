public import WaymarkCore

/// What one local authority hands another when a young person moves: the
/// minimum the receiving service needs to carry on (identity, activity
/// history, SEND and level of need, the open plan in outline, the young
/// person's consents, and who leads), never notes, contacts or addresses.
/// Classes the sending LA had no basis to share are left out and named in
/// `withheld`, so the receiver knows something is missing and why.
public struct TransferPackage: Sendable, Equatable {
    /// The document's own name and version: a reader refuses anything else.
    public static let format = "waymark-transfer"
    public static let version = 1

    public var fromLA: LocalAuthorityCode
    public var toLA: LocalAuthorityCode
    /// When the package was made, ISO 8601 UTC.
    public var createdAt: String
    /// The sending LA's identifier for the young person: the receiver links it as the previous identifier.
    public var previousIdentifier: String
    /// The day the move took effect (the day cohort status T started).
    public var movedOn: CalendarDate
    public var identity: YoungPersonIdentity
    public var activities: [ActivityRecord]
    public var needs: [NeedAssessment]
    public var characteristics: [CharacteristicRecord]
    public var plan: TransferPlanSummary?
    public var consents: [TransferConsent]
    /// The lead professional now, or only that one leads and contact goes through the sending LA; nil when none is named.
    public var leadProfessional: TransferLeadProfessional?
    public var withheld: [TransferWithheldClass]

    public init(
        fromLA: LocalAuthorityCode, toLA: LocalAuthorityCode, createdAt: String, previousIdentifier: String, movedOn: CalendarDate,
        identity: YoungPersonIdentity, activities: [ActivityRecord] = [], needs: [NeedAssessment] = [], characteristics: [CharacteristicRecord] = [],
        plan: TransferPlanSummary? = nil, consents: [TransferConsent] = [], leadProfessional: TransferLeadProfessional? = nil,
        withheld: [TransferWithheldClass] = []
    ) {
        self.fromLA = fromLA
        self.toLA = toLA
        self.createdAt = createdAt
        self.previousIdentifier = previousIdentifier
        self.movedOn = movedOn
        self.identity = identity
        self.activities = activities
        self.needs = needs
        self.characteristics = characteristics
        self.plan = plan
        self.consents = consents
        self.leadProfessional = leadProfessional
        self.withheld = withheld
    }
}

/// The open action plan in outline: when it was agreed and is next reviewed,
/// and each goal's title with how many of its steps are still open.
public struct TransferPlanSummary: Sendable, Equatable {
    public var agreedOn: CalendarDate?
    public var nextReviewOn: CalendarDate?
    public var goals: [TransferGoal]

    public init(agreedOn: CalendarDate?, nextReviewOn: CalendarDate?, goals: [TransferGoal]) {
        self.agreedOn = agreedOn
        self.nextReviewOn = nextReviewOn
        self.goals = goals
    }
}

/// A goal of the plan: its title only where the notes class may go (titles
/// are words advisers wrote), and how many steps are still open.
public struct TransferGoal: Sendable, Equatable {
    public var title: String?
    public var openSteps: Int

    public init(title: String?, openSteps: Int) {
        self.title = title
        self.openSteps = openSteps
    }
}

/// One consent provision in force, as the receiver needs it: what was
/// permitted or refused, for which purpose and class, from and until when.
/// A recipient is carried only as a kind of organisation (nil: anyone): the
/// sending LA's own organisations mean nothing to the receiver.
public struct TransferConsent: Sendable, Equatable {
    public var decision: ConsentDecision
    public var purpose: SharingPurpose?
    public var dataClass: SensitivityClass?
    public var recipientKind: OrganisationKind?
    public var from: CalendarDate
    public var until: CalendarDate?
    public var givenBy: ConsentGiver

    public init(
        decision: ConsentDecision, purpose: SharingPurpose?, dataClass: SensitivityClass?, recipientKind: OrganisationKind? = nil, from: CalendarDate,
        until: CalendarDate?, givenBy: ConsentGiver
    ) {
        self.decision = decision
        self.purpose = purpose
        self.dataClass = dataClass
        self.recipientKind = recipientKind
        self.from = from
        self.until = until
        self.givenBy = givenBy
    }
}

/// Who leads the team around the young person, and how to reach them
/// through their organisation (issue 15, item 4).
public struct TransferLeadProfessional: Sendable, Equatable {
    public var name: String
    public var organisation: String
    public var role: String?
    public var phone: String?
    public var email: String?

    public init(name: String, organisation: String, role: String? = nil, phone: String? = nil, email: String? = nil) {
        self.name = name
        self.organisation = organisation
        self.role = role
        self.phone = phone
        self.email = email
    }
}

/// A class left out of the package, and the sharing rule's reason in words.
public struct TransferWithheldClass: Sendable, Equatable {
    public var dataClass: SensitivityClass
    public var reason: String

    public init(dataClass: SensitivityClass, reason: String) {
        self.dataClass = dataClass
        self.reason = reason
    }
}
