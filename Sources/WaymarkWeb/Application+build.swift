import Foundation
import Hummingbird
import Logging

/// Where and how to listen.
public struct WebConfiguration: Sendable {
    public var host: String
    public var port: Int

    public init(host: String = "127.0.0.1", port: Int = 8080) {
        self.host = host
        self.port = port
    }
}

/// Wires the routes to the services; behaviour lives in the controllers.
public func buildApplication(services: WebServices, configuration: WebConfiguration, logger: Logger) async throws -> some ApplicationProtocol {
    let templates = try await Templates.load()
    let router = buildRouter(services: services, templates: templates)
    return Application(
        router: router,
        configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "Waymark"),
        logger: logger)
}

func buildRouter(services: WebServices, templates: Templates) -> Router<WebContext> {
    let router = Router(context: WebContext.self)
    router.addRoutes(SMSWebhookController(services: services).endpoints)  // before the middleware: no session, no CSRF (bearer token instead)
    router.addMiddleware {
        ErrorPageMiddleware(templates: templates)
        MetricsMiddleware()
        LogRequestsMiddleware(.debug)
        FileMiddleware(PublicFiles.directory, searchForIndexHtml: false)
        SessionMiddleware(services: services)
        CSRFMiddleware()
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
    router.addRoutes(CaseworkController(services: services, templates: templates).endpoints)
    router.addRoutes(FollowUpController(services: services, templates: templates).endpoints)
    router.addRoutes(CaseloadController(services: services, templates: templates).endpoints)
    router.addRoutes(DetailsController(services: services, templates: templates).endpoints)
    router.addRoutes(QueuesController(services: services, templates: templates).endpoints, atPath: "/queues")
    router.addRoutes(CampaignsController(services: services, templates: templates).endpoints, atPath: "/campaigns")
    router.addRoutes(CampaignWorkController(services: services, templates: templates).endpoints, atPath: "/campaigns")
    router.addRoutes(AnswersController(services: services, templates: templates).endpoints, atPath: "/answers")
    router.addRoutes(ImportsController(services: services, templates: templates).endpoints, atPath: "/imports")
    router.addRoutes(ExceptionsController(services: services, templates: templates).endpoints)
    router.addRoutes(SelfServiceController(services: services, templates: templates).endpoints, atPath: "/s")
    router.addRoutes(RecordWorkController(services: services, templates: templates).endpoints)
    router.addRoutes(UsersController(services: services, templates: templates, passwordCost: services.passwordCost).endpoints, atPath: "/admin/users")
    return router
}

/// Static files (CSS) shipped with the web target.
enum PublicFiles {
    static var directory: String {
        Bundle.module.path(forResource: "public", ofType: nil, inDirectory: "Resources") ?? "public"
    }
}

