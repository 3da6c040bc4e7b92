import Hummingbird
import Logging
import Prometheus
import WaymarkApp

/// `/health` for load balancers and `/metrics` for Prometheus.
struct HealthController {
    let services: WebServices

    var endpoints: RouteCollection<WebContext> {
        RouteCollection(context: WebContext.self)
            .get("health", use: health)
            .get("metrics", use: metrics)
    }

    struct Health: ResponseEncodable {
        let status: String
        let database: String
    }

    /// Answers only when the database answers, so a balancer stops sending traffic to a server that cannot work.
    func health(_ request: Request, context: WebContext) async throws -> Health {
        let engine: String
        do {
            engine = try await services.app.health.databaseEngine()
        } catch {
            context.logger.error("health check: database unreachable")
            throw HTTPError(.serviceUnavailable, message: "database unreachable")
        }
        return Health(status: "ok", database: engine)
    }

    func metrics(_ request: Request, context: WebContext) async throws -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "text/plain; version=0.0.4; charset=utf-8"
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: services.metrics.emitToBuffer())))
    }
}
