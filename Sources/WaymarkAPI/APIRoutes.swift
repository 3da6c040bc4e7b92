public import Foundation
public import Hummingbird
import OpenAPIHummingbird
import OpenAPIRuntime
public import WaymarkApp

/// Mounts the API on the application's router, beside the pages: the
/// operations under `/api/v1` behind the client gate (no session, no CSRF:
/// a bearer token instead), and the document at `/openapi.yaml`.
public enum APIRoutes {
    /// Adds the API to `router`. Call before the pages' middleware is added,
    /// so sessions and CSRF (which are for browsers) do not apply to it.
    public static func mount<Context: RequestContext>(on router: Router<Context>, app: AppServices, now: @escaping @Sendable () -> Date) {
        router.get("openapi.yaml") { _, _ in
            Response(
                status: .ok, headers: [.contentType: "application/yaml; charset=utf-8", .cacheControl: "no-cache"],
                body: .init(byteBuffer: ByteBuffer(string: APIDocument.yaml)))
        }
        let api = router.group(RouterPath(APIDocument.basePath))
            .add(middleware: APIClientMiddleware<Context>(desk: app.apiClients, now: now))
        do {
            try APIHandlers(app: app, now: now).registerHandlers(on: api)
        } catch {
            // Registering routes fails only when the generated code and the router disagree: a broken build, found at start-up.
            preconditionFailure("the API's routes could not be registered: \(error)")
        }
        MethodNotAllowed.register(on: router)
    }
}
