import ArgumentParser
import Foundation
import Hummingbird
import Logging
import Metrics
import Prometheus
import WaymarkApp
import WaymarkCore
import WaymarkStore
import WaymarkWeb

struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Create and migrate the database, then serve Waymark over HTTP.")

    @OptionGroup var storage: StorageOptions

    @Flag(help: "Fill an empty database with a synthetic local authority and demo users, and print their sign-ins.")
    var demo = false

    @Option(help: "Young people in the demo LA.")
    var people = 30_000

    @Option(help: "Seed for the demo generator.")
    var seed: UInt64 = 1

    @Option(help: "Address to listen on. (env: WAYMARK_HOST, default: 127.0.0.1)")
    var host: String?

    @Option(help: "Port to listen on. (env: WAYMARK_PORT, default: 8080)")
    var port: Int?

    @Option(help: "The three-digit code of the LA this installation reports for. (env: WAYMARK_LA_CODE, default: the demo LA 990)")
    var laCode: String?

    @Flag(help: "Mark cookies Secure even on this machine's loopback address (they always are elsewhere).")
    var secureCookies = false

    @Flag(help: "Let browsers sign in over plain HTTP on an address other than loopback. Unsafe: sessions can be overheard.")
    var plainHTTP = false

    @Flag(help: "Count sign-in attempts by the last address in X-Forwarded-For. Set this only behind a proxy that appends it; otherwise clients could choose their own address.")
    var trustForwardedFor = false

    @Option(help: "Months to keep generated return files; older ones are removed when a return is generated. (env: WAYMARK_RETURNS_KEEP_MONTHS, default: 13)")
    var keepReturnsMonths: Int?

    @Option(help: "Hours a break-the-glass access lasts, 1 to 24. (env: WAYMARK_BREAK_GLASS_HOURS, default: 4)")
    var breakGlassHours: Int?

    @Option(name: .customLong("retention"), help: "Retention rules that differ from the standard policy, e.g. sendAndHealth=35 (class=age[:erase|anonymise]); the data protection page reports against it. (env: WAYMARK_RETENTION)")
    var retentionRules: String?

    @Flag(help: "Do not run an outbox worker in this process (another server sends). Sending is configured by WAYMARK_SMTP_* and WAYMARK_SMS_*.")
    var noSending = false

    @Option(help: "Heavy jobs (figures, readiness, returns, duplicate scans) this server runs at once. (env: WAYMARK_JOBS, default: 1, for two cores)")
    var jobs: Int?

    @Flag(help: "Do not run jobs in this process (another server runs them); pages still queue them.")
    var noJobs = false

    func run() async throws {
        let environment = ProcessInfo.processInfo.environment
        let logger = CommandLogging.logger("serve")
        let installation = try storage.installation()
        let store = try await installation.open(logger: logger)
        logger.info("database ready", metadata: ["location": "\(installation.location)"])
        if demo {
            DemoOutput.print(try await DemoSetup(store: store, logger: logger).run(people: people, seed: seed, now: Date()))
        }
        let metrics = PrometheusCollectorRegistry()
        MetricsSystem.bootstrap(PrometheusMetricsFactory(registry: metrics))
        let registry = DemoAuthority.registry
        let code = try registry.code(laCode ?? environment["WAYMARK_LA_CODE"] ?? DemoAuthority.code, field: "la-code")
        let returns = storage.returnsDirectory
        let retention = try ReturnRetention.configured(keepReturnsMonths, environment: environment)
        let breakGlass = try BreakGlassPolicy.configured(breakGlassHours, environment: environment)
        let retentionPolicy: RetentionPolicy
        do {
            retentionPolicy = try RetentionPolicy.configured(retentionRules, environment: environment)
        } catch {
            throw ValidationError("--retention: \(error)")
        }
        let sending = try SendingConfiguration.fromEnvironment(environment)
        let web = WebConfiguration(
            host: host ?? environment["WAYMARK_HOST"] ?? "127.0.0.1",
            port: port ?? environment["WAYMARK_PORT"].flatMap(Int.init) ?? 8080)
        // Self-service links in texts, e-mails and letters start here; behind a proxy, set WAYMARK_PUBLIC_URL.
        let publicURL = environment["WAYMARK_PUBLIC_URL"] ?? "http://\(web.host):\(web.port)"
        let app = AppServices(store: store, registry: registry, laCode: code, returnsDirectory: returns, publicURL: publicURL, breakGlass: breakGlass,
                              retention: retentionPolicy, serviceContact: Self.serviceContact(environment))
        let services = WebServices(
            app: app, metrics: metrics,
            secureCookies: Self.cookiesMustBeSecure(web: web, publicURL: publicURL, forced: secureCookies, plainHTTP: plainHTTP, logger: logger),
            smsWebhookToken: sending.smsWebhookToken, trustForwardedFor: trustForwardedFor,
            sendingReach: noSending ? .elsewhere : .here(Set([sending.sms.map { _ in ContactChannel.sms }, sending.smtp.map { _ in .email }].compactMap { $0 })))
        await services.prewarm()
        let server = try await buildApplication(services: services, configuration: web, logger: logger)
        print("Waymark is serving on http://\(web.host):\(web.port)/")
        // Standard output to a file or a pipe is block-buffered; the sign-ins
        // and the address must reach a log before the server runs for days.
        fflush(nil)
        let links = SelfServiceLinks(store: store, baseURL: publicURL)
        let worker = noSending || sending.isEmpty
            ? nil
            : OutboxWorker(store: store, transports: sending.transports(), logger: logger,
                           personalise: { message in try await links.personalise(message, now: Date()) })
        let sendingTask = worker.map { worker in Task { await worker.run() } }
        defer { sendingTask?.cancel() }
        let concurrency = jobs ?? environment["WAYMARK_JOBS"].flatMap(Int.init) ?? 1
        let runner = noJobs
            ? nil
            : JobRunner(store: store, handlers: StandardJobs(store: store, registry: registry, laCode: code, returnsDirectory: returns, returnRetention: retention).handlers,
                        settings: JobRunner.Settings(concurrency: concurrency), logger: logger)
        let jobsTask = runner.map { runner in Task { await runner.run() } }
        defer { jobsTask?.cancel() }
        let positionsTask = Task { await PositionsSchedule(store: store).run() }
        defer { positionsTask.cancel() }
        let riskTask = noJobs ? nil : Task { await RiskSchedule(store: store).run() }
        defer { riskTask?.cancel() }
        let remindersTask = noJobs ? nil : Task { await ReferralRemindersSchedule(store: store).run() }
        defer { remindersTask?.cancel() }
        try await server.runService()
        sendingTask?.cancel()
        jobsTask?.cancel()
        await sendingTask?.value
        await jobsTask?.value
        try await store.database.close()
    }

    /// Cookies are Secure unless Waymark is explicitly served over plain HTTP on this machine only.
    /// The phone number and return address printed on letters: the demo's unless the authority sets its own
    /// (WAYMARK_SERVICE_PHONE; WAYMARK_RETURN_ADDRESS, lines separated by "|").
    static func serviceContact(_ environment: [String: String]) -> ServiceContact {
        let demo = ServiceContact.demo
        let address = environment["WAYMARK_RETURN_ADDRESS"].map(ServiceContact.addressLines) ?? []
        return ServiceContact(
            phone: environment["WAYMARK_SERVICE_PHONE"].flatMap { $0.trimmingCharacters(in: .whitespaces).isEmpty ? nil : $0 } ?? demo.phone,
            returnAddress: address.isEmpty ? demo.returnAddress : address)
    }

    static func cookiesMustBeSecure(web: WebConfiguration, publicURL: String, forced: Bool, plainHTTP: Bool, logger: Logger) -> Bool {
        if forced || publicURL.lowercased().hasPrefix("https://") { return true }
        if web.isLoopback || plainHTTP { return false }
        logger.warning(
            "plain HTTP on a network address: cookies are Secure, so browsers sign in only through HTTPS; put TLS in front and set WAYMARK_PUBLIC_URL=https://…")
        return true
    }
}
