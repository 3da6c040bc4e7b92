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
    /// How long those files are kept; older ones go when a new return is generated.
    public let returnRetention: ReturnRetention
    /// bcrypt work factor for passwords set through the web (12; tests lower it).
    public let passwordCost: UInt8
    /// The home page's headline counts, reused for `headlineCountsLifetime` seconds.
    let headlineCounts: HeadlineCountsCache

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
        headlineCountsLifetime: TimeInterval = 120, smsWebhookToken: String? = nil,
        publicURL: String = "http://127.0.0.1:8080",
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
        self.headlineCounts = HeadlineCountsCache(lifetime: headlineCountsLifetime)
        self.now = now
        self.smsWebhookToken = smsWebhookToken
        self.publicURL = publicURL
    }
}
