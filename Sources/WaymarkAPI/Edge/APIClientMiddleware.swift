import Foundation
import Hummingbird
import Logging
import WaymarkApp
import WaymarkRecords

/// The API's gate: a live client token (else 401), within its calls a minute
/// (else 429 with Retry-After), then the operation with the client's access
/// set; every error on the way out becomes `application/problem+json`.
struct APIClientMiddleware<Context: RequestContext>: RouterMiddleware {
    let desk: APIClientDesk
    let now: @Sendable () -> Date

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            guard let token = Self.bearerToken(request.headers[.authorization]), let access = try await desk.access(token: token, at: now()) else {
                return ProblemResponse.make(.unauthorised)
            }
            if case .limited(let retryAfter) = try await desk.admit(access.client, at: now()) {
                return ProblemResponse.make(.tooMany(retryAfter: retryAfter, limit: access.client.rateLimitPerMinute))
            }
            return try await APIRequest.$access.withValue(access) { try await next(request, context) }
        } catch {
            if let problem = APIProblem.from(error) { return ProblemResponse.make(problem) }
            if let http = error as? HTTPError, http.status.code < 500 {
                return ProblemResponse.make(APIProblem(status: Int(http.status.code), title: http.status.reasonPhrase, detail: http.body ?? http.status.reasonPhrase))
            }
            // Ours, not the caller's: logged by type (its text might hold values from records), answered without detail.
            context.logger.error("api error", metadata: ["type": "\(String(reflecting: type(of: error)))", "path": "\(request.uri.path)"])
            return ProblemResponse.make(APIProblem(status: 500, title: "Internal server error", detail: "Something went wrong on the server; it has been logged."))
        }
    }

    /// The token of an `Authorization: Bearer …` header.
    static func bearerToken(_ header: String?) -> String? {
        guard let header, header.count < 200 else { return nil }
        let parts = header.split(separator: " ", maxSplits: 1)
        guard parts.count == 2, parts[0].lowercased() == "bearer" else { return nil }
        return parts[1].trimmingCharacters(in: .whitespaces)
    }
}

/// Problems as responses.
enum ProblemResponse {
    static func make(_ problem: APIProblem) -> Response {
        var headers: HTTPFields = [.contentType: "application/problem+json"]
        if problem.status == 401 { headers[.wwwAuthenticate] = "Bearer realm=\"waymark\"" }
        if let retryAfter = problem.retryAfter { headers[.retryAfter] = String(retryAfter) }
        let body = (try? JSONEncoder().encode(problem)) ?? Data("{\"title\":\"Error\",\"status\":\(problem.status)}".utf8)
        return Response(status: .init(code: problem.status), headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: body)))
    }
}
