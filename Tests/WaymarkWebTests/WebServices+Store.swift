import Foundation
import Prometheus
import WaymarkApp
import WaymarkCore
import WaymarkStore
@testable import WaymarkWeb

extension WebServices {
    /// The application's services over a test store, with the web edge's settings: what `waymark serve` builds, in one call.
    init(
        store: Store, registry: LocalAuthorityRegistry, laCode: LocalAuthorityCode, classifier: ParticipationClassifier = ParticipationClassifier(),
        metrics: PrometheusCollectorRegistry = PrometheusCollectorRegistry(), secureCookies: Bool = false,
        returnsDirectory: String = FileManager.default.temporaryDirectory.appendingPathComponent("waymark-returns").path,
        passwordCost: UInt8 = 12, headlineCountsLifetime: TimeInterval = 120, resultLifetime: TimeInterval = 600,
        smsWebhookToken: String? = nil, publicURL: String = "http://127.0.0.1:8080", passwordHasher: PasswordHasher = .shared,
        signInPolicy: SignInThrottlePolicy = .standard, trustForwardedFor: Bool = false, now: @escaping @Sendable () -> Date = { Date() }
    ) {
        let app = AppServices(
            store: store, registry: registry, laCode: laCode, classifier: classifier, returnsDirectory: returnsDirectory,
            resultLifetime: resultLifetime, passwordCost: passwordCost, passwordHasher: passwordHasher, signInPolicy: signInPolicy,
            publicURL: publicURL)
        self.init(
            app: app, metrics: metrics, secureCookies: secureCookies, headlineCountsLifetime: headlineCountsLifetime,
            smsWebhookToken: smsWebhookToken, trustForwardedFor: trustForwardedFor, now: now)
    }
}
