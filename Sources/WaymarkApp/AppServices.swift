public import Foundation
public import WaymarkCore
public import WaymarkStore

/// WaymarkApp's front door: one value built over a store that hands out each
/// feature's use cases. The pages, and any API beside them, hold this and
/// never the store: who is asking (an ``AccessGrant``), what they may see
/// and the audit of what they were shown are decided behind it.
public struct AppServices: Sendable {
    let store: Store
    public let registry: LocalAuthorityRegistry
    /// The LA this installation reports for.
    public let laCode: LocalAuthorityCode
    public let classifier: ParticipationClassifier
    /// Where generated statutory files are kept for download.
    public let returnsDirectory: String
    /// How long a computed result (figures, readiness) is shown before a visit asks for it again.
    public let resultLifetime: TimeInterval
    /// bcrypt work factor for passwords set through the pages (12; tests lower it).
    public let passwordCost: UInt8
    /// Where bcrypt runs: a few threads of its own with a bounded queue.
    public let passwordHasher: PasswordHasher
    /// How many failed sign-ins an account or a client may have, and the waits after them.
    public let signInPolicy: SignInThrottlePolicy
    /// Where young people reach this installation: the start of every self-service link.
    public let publicURL: String
    /// How long a break-the-glass access lasts.
    public let breakGlass: BreakGlassPolicy
    /// How long each class of information is kept, and what happens then.
    public let retention: RetentionPolicy
    /// The careers service's phone number and return address, printed on letters.
    public let serviceContact: ServiceContact

    public init(
        store: Store, registry: LocalAuthorityRegistry, laCode: LocalAuthorityCode, classifier: ParticipationClassifier = ParticipationClassifier(),
        returnsDirectory: String = FileManager.default.temporaryDirectory.appendingPathComponent("waymark-returns").path,
        resultLifetime: TimeInterval = 600, passwordCost: UInt8 = 12, passwordHasher: PasswordHasher = .shared,
        signInPolicy: SignInThrottlePolicy = .standard, publicURL: String = "http://127.0.0.1:8080", breakGlass: BreakGlassPolicy = .standard,
        retention: RetentionPolicy = .standard, serviceContact: ServiceContact = .demo
    ) {
        self.store = store
        self.registry = registry
        self.laCode = laCode
        self.classifier = classifier
        self.returnsDirectory = returnsDirectory
        self.resultLifetime = resultLifetime
        self.passwordCost = passwordCost
        self.passwordHasher = passwordHasher
        self.signInPolicy = signInPolicy
        self.publicURL = publicURL
        self.breakGlass = breakGlass
        self.retention = retention
        self.serviceContact = serviceContact
    }

    public var laName: String { registry.name(of: laCode) ?? "your local authority" }

    public var health: HealthCheck { HealthCheck(store: store) }
    public var signIn: SignInDesk { SignInDesk(store: store, laCode: laCode, policy: signInPolicy, hasher: passwordHasher, cost: passwordCost) }
    public var apiClients: APIClientDesk { APIClientDesk(store: store, laCode: laCode) }
    public var users: UserAdministration { UserAdministration(store: store, cost: passwordCost, hasher: passwordHasher, publicURL: publicURL) }
    public var invitations: InvitationDesk { InvitationDesk(store: store, cost: passwordCost, hasher: passwordHasher) }
    public var workspace: WorkspaceDesk { WorkspaceDesk(store: store, classifier: classifier) }
    public var diary: DiaryDesk { DiaryDesk(store: store) }
    public var headlines: HeadlineFigures { HeadlineFigures(store: store, laCode: laCode, classifier: classifier) }
    public func records(now: @escaping @Sendable () -> Date) -> PersonRecordDesk {
        PersonRecordDesk(store: store, registry: registry, classifier: classifier, now: now)
    }
    public var search: PersonSearch { PersonSearch(store: store) }
    public var casework: CaseworkDesk { CaseworkDesk(store: store, registry: registry) }
    public var repeats: RepeatGuard { RepeatGuard(store: store) }
    public var newPeople: NewPersonDesk { NewPersonDesk(store: store, laCode: laCode) }
    public var personContacts: PersonContactsDesk { PersonContactsDesk(store: store) }
    public var assessments: AssessmentDesk { AssessmentDesk(store: store) }
    public var actionPlans: ActionPlanDesk { ActionPlanDesk(store: store) }
    public var distanceTravelled: DistanceTravelledDesk { DistanceTravelledDesk(store: store, laCode: laCode.code) }
    public var instruments: InstrumentCatalogue { InstrumentCatalogue(store: store) }
    public var queues: QueueDesk { QueueDesk(store: store, classifier: classifier) }
    public var campaigns: CampaignDesk {
        CampaignDesk(store: store, classifier: classifier, laName: laName, publicURL: publicURL, letterCodes: letterCodes)
    }
    public var letterCodes: LetterCodes {
        LetterCodes(store: store, links: SelfServiceLinks(store: store, baseURL: publicURL), policy: signInPolicy)
    }
    public var selfService: SelfServiceDesk {
        SelfServiceDesk(store: store, links: SelfServiceLinks(store: store, baseURL: publicURL), registry: registry)
    }
    public var answers: AnswerDesk { AnswerDesk(store: store, desk: selfService) }
    public var imports: ImportDesk { ImportDesk(store: store, laCode: laCode) }
    public var exceptions: ExceptionDesk { ExceptionDesk(store: store, registry: registry, laCode: laCode) }
    public var returns: ReturnDesk {
        ReturnDesk(store: store, laCode: laCode, returnsDirectory: returnsDirectory, resultLifetime: resultLifetime)
    }
    public var figures: FiguresDesk {
        FiguresDesk(store: store, registry: registry, laCode: laCode, classifier: classifier, resultLifetime: resultLifetime)
    }
    public var gateway: GatewayDesk { GatewayDesk(store: store) }
    public var geography: GeographyDesk { GeographyDesk(store: store) }
    public var breakGlassDesk: BreakGlassDesk { BreakGlassDesk(store: store, policy: breakGlass) }
    public var accessReview: AccessReview { AccessReview(store: store) }
    public var notices: AdviserNotices { AdviserNotices(store: store) }
    public var consent: ConsentDesk { ConsentDesk(store: store) }
    public var sharing: SharingDesk { SharingDesk(store: store) }
    public var dataFlows: DataFlowDesk { DataFlowDesk(store: store) }
    public var referrals: ReferralDesk { ReferralDesk(store: store, registry: registry) }
    public var knownTo: KnownToDesk { KnownToDesk(store: store, laName: laName) }
    public var team: TeamDesk { TeamDesk(store: store, laName: laName) }
    public var portal: PortalDesk { PortalDesk(store: store, laCode: laCode) }
    public var subjectAccess: SubjectAccessDesk { SubjectAccessDesk(store: store, laCode: laCode, laName: laName) }
    public var retentionReview: RetentionDesk { RetentionDesk(store: store, policy: retention, resultLifetime: resultLifetime) }
    public var risk: RiskDesk { RiskDesk(store: store, laCode: laCode.code, laName: laName) }
    public var knownElsewhere: KnownElsewhereDesk { KnownElsewhereDesk(store: store, registry: registry, laCode: laCode) }
    public var transfers: TransferDesk { TransferDesk(store: store, registry: registry, laCode: laCode) }
    public var ownRecord: OwnRecordDesk {
        OwnRecordDesk(store: store, links: SelfServiceLinks(store: store, baseURL: publicURL), registry: registry, laCode: laCode.code)
    }
}
