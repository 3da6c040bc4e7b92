public import Foundation
import Mustache
public import Prometheus
public import WaymarkApp
public import WaymarkCore
import WaymarkRecords

/// Everything the web layer needs, handed in by whoever builds the
/// application: WaymarkApp's use cases (the only way to young people's data)
/// and what only the web edge knows (cookies, metrics, the gateway's token).
public struct WebServices: Sendable {
    /// Every use case the pages call.
    public let app: AppServices
    public let metrics: PrometheusCollectorRegistry
    /// The clock; tests pass a fixed one.
    public let now: @Sendable () -> Date
    /// Set when served over HTTPS (directly or behind a proxy), so cookies are Secure.
    public let secureCookies: Bool
    /// Set only behind a proxy that appends the client's address to X-Forwarded-For;
    /// otherwise anyone could claim any address and walk around the per-client limit.
    public let trustForwardedFor: Bool
    /// The bearer token the SMS gateway presents on `/webhooks/sms/*`; nil turns the webhooks off.
    public let smsWebhookToken: String?
    /// The home page's headline counts, reused for `headlineCountsLifetime` seconds.
    let headlineCounts: HeadlineCountsCache
    /// The LA's figures on the home page, reused for the same lifetime.
    let laDashboard: LADashboardCache
    /// The channels campaigns can really send on from here.
    public let sendingReach: SendingReach

    public init(
        app: AppServices, metrics: PrometheusCollectorRegistry = PrometheusCollectorRegistry(), secureCookies: Bool = false,
        headlineCountsLifetime: TimeInterval = 120, smsWebhookToken: String? = nil, trustForwardedFor: Bool = false,
        sendingReach: SendingReach = .here([]), now: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.sendingReach = sendingReach
        self.app = app
        self.metrics = metrics
        self.secureCookies = secureCookies
        self.trustForwardedFor = trustForwardedFor
        self.smsWebhookToken = smsWebhookToken
        self.headlineCounts = HeadlineCountsCache(lifetime: headlineCountsLifetime)
        self.laDashboard = LADashboardCache(lifetime: headlineCountsLifetime)
        self.now = now
    }

    var registry: LocalAuthorityRegistry { app.registry }
    var laCode: LocalAuthorityCode { app.laCode }
    var classifier: ParticipationClassifier { app.classifier }
    var laName: String { app.laName }
    /// Opening a young person's record: scope, need to know and the view audit.
    var records: PersonRecordDesk { app.records(now: now) }

    /// Counts the LA's young people today for the home page (LA-wide work: call through ``headlineCounts``).
    var countHeadlines: HeadlineCountsCache.Count {
        let headlines = app.headlines
        return { day in try await headlines.counts(on: day) }
    }

    /// Starts the home page's counts in the background, so the first person to sign in does not wait for them.
    public func prewarm() async {
        await headlineCounts.prewarm(on: CalendarDate.today(from: now()), now: now(), count: countHeadlines)
    }
}
