import Foundation
public import Hummingbird
import HummingbirdCore
public import Logging
public import NIOCore
import WaymarkAPI
import WaymarkApp

/// Where and how to listen, and how long a client may take.
public struct WebConfiguration: Sendable {
    public var host: String
    public var port: Int
    /// A connection that sends nothing for this long is closed.
    public var idleTimeout: TimeAmount = .seconds(30)
    /// A request must have fully arrived this long after the connection opened
    /// or the previous answer went out (a 25 MB upload on a slow line fits).
    public var requestDeadline: TimeAmount = .seconds(120)

    public init(host: String = "127.0.0.1", port: Int = 8080) {
        self.host = host
        self.port = port
    }

    /// Whether the server only listens on this machine, where plain HTTP cannot be overheard.
    public var isLoopback: Bool {
        ["127.0.0.1", "::1", "localhost"].contains(host)
    }

    /// Headers well above what a browser sends, far below what would tie up memory.
    static let headerLimits = HTTP1Channel.Configuration.DecoderConfiguration(
        maxHeaderFieldSize: 16 * 1024, maxHeaderListSize: 64 * 1024, maxHeaderFieldCount: 100)

    var http1: HTTP1Channel.Configuration {
        let deadline = requestDeadline
        return HTTP1Channel.Configuration(
            additionalChannelHandlers: [RequestDeadlineHandler(deadline: deadline)], idleTimeout: idleTimeout,
            httpDecoderConfiguration: Self.headerLimits)
    }
}

/// Wires the routes to the services; behaviour lives in the controllers.
public func buildApplication(services: WebServices, configuration: WebConfiguration, logger: Logger) async throws -> some ApplicationProtocol {
    let templates = try await Templates.load()
    let router = buildRouter(services: services, templates: templates)
    return Application(
        router: router,
        server: .http1(configuration: configuration.http1),
        configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "Waymark"),
        logger: logger)
}

func buildRouter(services: WebServices, templates: Templates) -> Router<WebContext> {
    let router = Router(context: WebContext.self)
    router.addRoutes(SMSWebhookController(services: services).endpoints)  // before the middleware: no session, no CSRF (bearer token instead)
    // The API, also before the pages' middleware: a client's bearer token instead of a session and CSRF; its own problem+json errors.
    APIRoutes.mount(on: router, app: services.app, now: services.now)
    router.addMiddleware {
        SecurityHeadersMiddleware<WebContext>(strictTransport: services.app.publicURL.lowercased().hasPrefix("https://"))
        ErrorPageMiddleware(templates: templates)
        MetricsMiddleware()
        LogRequestsMiddleware(.debug)
        FileMiddleware(PublicFiles.directory, searchForIndexHtml: false)
        SessionMiddleware(services: services)
        // Again inside the session, so an error page keeps the signed-in user's navigation.
        ErrorPageMiddleware(templates: templates, passesNotFound: true)
        CSRFMiddleware()
        FreshCountsAfterChangeMiddleware(counts: services.headlineCounts, dashboard: services.laDashboard)
    }
    router.addRoutes(HealthController(services: services).endpoints)
    router.addRoutes(SignInController(services: services, templates: templates).endpoints)
    router.addRoutes(PasswordController(services: services, templates: templates).endpoints)
    router.addRoutes(HomeController(services: services, templates: templates).endpoints)
    router.addRoutes(ReturnsController(services: services, templates: templates).endpoints, atPath: "/returns")
    router.addRoutes(FiguresController(services: services, templates: templates).endpoints)
    router.addRoutes(PersonController(services: services, templates: templates).endpoints)
    router.addRoutes(SearchController(services: services, templates: templates).endpoints)
    router.addRoutes(CaseloadListController(services: services, templates: templates).endpoints)
    router.addRoutes(DiaryController(services: services, templates: templates).endpoints)
    router.addRoutes(CaseworkController(services: services, templates: templates).endpoints)
    router.addRoutes(FollowUpController(services: services, templates: templates).endpoints)
    router.addRoutes(CaseloadController(services: services, templates: templates).endpoints)
    router.addRoutes(DetailsController(services: services, templates: templates).endpoints)
    router.addRoutes(NewPersonController(services: services, templates: templates).endpoints)
    router.addRoutes(PersonContactsController(services: services, templates: templates).endpoints)
    router.addRoutes(AssessmentsController(services: services, templates: templates).endpoints)
    router.addRoutes(PlanController(services: services, templates: templates).endpoints)
    router.addRoutes(DistanceTravelledController(services: services, templates: templates).endpoints)
    router.addRoutes(QueuesController(services: services, templates: templates).endpoints, atPath: "/queues")
    router.addRoutes(CampaignsController(services: services, templates: templates).endpoints, atPath: "/campaigns")
    router.addRoutes(CampaignWorkController(services: services, templates: templates).endpoints, atPath: "/campaigns")
    router.addRoutes(AnswersController(services: services, templates: templates).endpoints, atPath: "/answers")
    router.addRoutes(ImportsController(services: services, templates: templates).endpoints, atPath: "/imports")
    router.addRoutes(ExceptionsController(services: services, templates: templates).endpoints)
    router.addRoutes(SelfServiceController(services: services, templates: templates).endpoints, atPath: "/s")
    router.addRoutes(LetterCodeController(services: services, templates: templates).endpoints)
    router.addRoutes(InvitationController(services: services, templates: templates).endpoints, atPath: "/invitation")
    router.addRoutes(RecordWorkController(services: services, templates: templates).endpoints)
    router.addRoutes(BreakGlassController(services: services, templates: templates).endpoints)
    router.addRoutes(AccessReviewController(services: services, templates: templates).endpoints)
    router.addRoutes(ConsentController(services: services, templates: templates).endpoints)
    router.addRoutes(ReferralsController(services: services, templates: templates).endpoints)
    router.addRoutes(KnownToController(services: services, templates: templates).endpoints)
    router.addRoutes(DataFlowsController(services: services, templates: templates).endpoints)
    router.addRoutes(PortalController(services: services, templates: templates).endpoints)
    router.addRoutes(SubjectAccessController(services: services, templates: templates).endpoints)
    router.addRoutes(RetentionController(services: services, templates: templates).endpoints)
    router.addRoutes(RiskController(services: services, templates: templates).endpoints)
    router.addRoutes(TransferOutController(services: services, templates: templates).endpoints)
    router.addRoutes(TransfersInController(services: services, templates: templates).endpoints, atPath: "/transfers")
    router.addRoutes(KnownElsewhereController(services: services, templates: templates).endpoints)
    router.addRoutes(OwnRecordController(services: services, templates: templates).endpoints, atPath: "/s")
    router.addRoutes(UsersController(services: services, templates: templates).endpoints, atPath: "/admin/users")
    router.addRoutes(APIClientsController(services: services, templates: templates).endpoints, atPath: "/admin/api-clients")
    router.addRoutes(APIReferenceController(templates: templates).endpoints)
    return router
}

/// Static files (CSS) shipped with the web target.
enum PublicFiles {
    static var directory: String {
        Bundle.module.path(forResource: "public", ofType: nil, inDirectory: "Resources") ?? "public"
    }
}

