import Foundation
import Logging
import Mustache
import Prometheus
import WaymarkApp
import WaymarkCore
import WaymarkStore

/// Everything the web layer needs, handed in by whoever builds the application.
public struct WebServices: Sendable {
    public let store: Store
    public let registry: LocalAuthorityRegistry
    /// The LA this installation reports for.
    public let laCode: LocalAuthorityCode
    public let classifier: ParticipationClassifier
    public let metrics: PrometheusCollectorRegistry
    /// The clock; tests pass a fixed one.
    public let now: @Sendable () -> Date
    /// Set when served over HTTPS (directly or behind a proxy), so cookies are Secure.
    public let secureCookies: Bool
    /// Where generated statutory files are kept for download.
    public let returnsDirectory: String
    /// How long a computed result (figures, readiness) is shown before a visit asks for it again.
    public let resultLifetime: TimeInterval
    var jobs: JobDesk { JobDesk(store: store) }
    /// How long those files are kept; older ones go when a new return is generated.
    public let returnRetention: ReturnRetention
    /// bcrypt work factor for passwords set through the web (12; tests lower it).
    public let passwordCost: UInt8
    /// Where bcrypt runs: a few threads of its own with a bounded queue.
    public let passwordHasher: PasswordHasher
    /// How many failed sign-ins an account or a client may have, and the waits after them.
    public let signInPolicy: SignInThrottlePolicy
    /// Set only behind a proxy that appends the client's address to X-Forwarded-For;
    /// otherwise anyone could claim any address and walk around the per-client limit.
    public let trustForwardedFor: Bool
    /// The home page's headline counts, reused for `headlineCountsLifetime` seconds.
    let headlineCounts: HeadlineCountsCache

    /// Counts the LA's young people today for the home page (LA-wide work: call through ``headlineCounts``).
    var countHeadlines: HeadlineCountsCache.Count {
        let (store, la, classifier) = (store, laCode, classifier)
        return { day in try await ParticipationQuery(store: store).counts(responsibleLA: la, on: day, classifier: classifier) }
    }

    /// Starts the home page's counts in the background, so the first person to sign in does not wait for them.
    public func prewarm() async {
        await headlineCounts.prewarm(on: CalendarDate.today(from: now()), now: now(), count: countHeadlines)
    }

    /// Opening a young person's record: scope, need to know and the view audit.
    var records: PersonRecordDesk { PersonRecordDesk(store: store, registry: registry, classifier: classifier, now: now) }
    var selfServiceLinks: SelfServiceLinks { SelfServiceLinks(store: store, baseURL: publicURL) }
    var laName: String { registry.name(of: laCode) ?? "your local authority" }
    /// The bearer token the SMS gateway presents on `/webhooks/sms/*`; nil turns the webhooks off.
    public let smsWebhookToken: String?
    /// Where young people reach this installation: the start of every self-service link.
    public let publicURL: String

    public init(
        store: Store, registry: LocalAuthorityRegistry, laCode: LocalAuthorityCode, classifier: ParticipationClassifier = ParticipationClassifier(),
        metrics: PrometheusCollectorRegistry = PrometheusCollectorRegistry(), secureCookies: Bool = false,
        returnsDirectory: String = FileManager.default.temporaryDirectory.appendingPathComponent("waymark-returns").path,
        returnRetention: ReturnRetention = .standard, passwordCost: UInt8 = 12,
        headlineCountsLifetime: TimeInterval = 120, resultLifetime: TimeInterval = 600, smsWebhookToken: String? = nil,
        publicURL: String = "http://127.0.0.1:8080", passwordHasher: PasswordHasher = .shared,
        signInPolicy: SignInThrottlePolicy = .standard, trustForwardedFor: Bool = false,
        now: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.store = store
        self.registry = registry
        self.laCode = laCode
        self.classifier = classifier
        self.metrics = metrics
        self.secureCookies = secureCookies
        self.returnsDirectory = returnsDirectory
        self.returnRetention = returnRetention
        self.passwordCost = passwordCost
        self.passwordHasher = passwordHasher
        self.signInPolicy = signInPolicy
        self.trustForwardedFor = trustForwardedFor
        self.resultLifetime = resultLifetime
        self.headlineCounts = HeadlineCountsCache(lifetime: headlineCountsLifetime)
        self.now = now
        self.smsWebhookToken = smsWebhookToken
        self.publicURL = publicURL
    }
}
