import Foundation
import HTTPTypes
import OpenAPIRuntime
import WaymarkApp
import WaymarkCore

/// An answer that is an error, as `application/problem+json` (RFC 9457):
/// a status, a title, what went wrong, and for what was sent, every field
/// with the rule it broke.
struct APIProblem: Error, Sendable, Encodable {
    struct FieldError: Sendable, Encodable, Equatable {
        let field: String
        let rule: String
        let message: String
        var row: Int?
    }

    let status: Int
    let title: String
    let detail: String
    var errors: [FieldError]?
    var type: String = "about:blank"
    /// Sent as Retry-After with a 429.
    var retryAfter: Int?

    static func badRequest(_ detail: String, field: String? = nil, rule: String = "format") -> APIProblem {
        APIProblem(
            status: 400, title: "Bad request", detail: detail,
            errors: field.map { [FieldError(field: $0, rule: rule, message: detail)] })
    }

    static func invalid(_ errors: [FieldError], detail: String? = nil) -> APIProblem {
        APIProblem(
            status: 422, title: "Unprocessable content",
            detail: detail ?? (errors.count == 1 ? errors[0].message : "\(errors.count) fields break a rule; nothing was recorded."), errors: errors)
    }

    static func invalid(field: String, rule: String, _ message: String) -> APIProblem {
        invalid([FieldError(field: field, rule: rule, message: message)])
    }

    static func missingScope(_ scope: String) -> APIProblem {
        APIProblem(status: 403, title: "Forbidden", detail: "This client was not issued the \(scope) scope. Ask the administrator who issued it.")
    }

    static let unauthorised = APIProblem(
        status: 401, title: "Unauthorised", detail: "Send a live API client token as Authorization: Bearer <token>. Tokens are issued by an administrator; an expired or revoked one no longer works.")

    static let notFound = APIProblem(status: 404, title: "Not found", detail: "There is nothing at this address.")

    static func tooMany(retryAfter: Int, limit: Int) -> APIProblem {
        APIProblem(
            status: 429, title: "Too many requests", detail: "This client may make \(limit) calls a minute; try again in \(retryAfter) seconds.",
            retryAfter: retryAfter)
    }

    enum CodingKeys: String, CodingKey {
        case type, title, status, detail, errors
    }

    /// The problem an error thrown below the API stands for; nil for one that is our own fault (a 500).
    static func from(_ error: any Error) -> APIProblem? {
        switch error {
        case let problem as APIProblem:
            return problem
        case let refusal as Refusal:
            switch refusal {
            case .notFound(let message): return APIProblem(status: 404, title: "Not found", detail: message)
            case .forbidden(let message): return APIProblem(status: 403, title: "Forbidden", detail: message)
            case .conflict(let message): return APIProblem(status: 409, title: "Conflict", detail: message)
            case .invalid(let message): return APIProblem(status: 422, title: "Unprocessable content", detail: message)
            case .badRequest(let message): return APIProblem(status: 422, title: "Unprocessable content", detail: message)
            }
        case let denied as AccessDenied:
            return APIProblem(status: 403, title: "Forbidden", detail: denied.description)
        case let server as ServerError:
            if let inner = from(server.underlyingError) { return inner }
            // Anything that failed before the request became the operation's input was the request's fault.
            if server.operationInput == nil || (400..<500).contains(server.httpStatus.code) {
                return badRequest(for: server)
            }
            return nil
        default:
            return nil
        }
    }

    /// A request that could not be read, naming the field where the decoder says which.
    private static func badRequest(for server: ServerError) -> APIProblem {
        if let decoding = server.underlyingError as? DecodingError {
            let (path, rule, message): ([any CodingKey], String, String) =
                switch decoding {
                case .keyNotFound(let key, let context): (context.codingPath + [key], "required", "is required")
                case .typeMismatch(_, let context): (context.codingPath, "type", "is not of the type this document gives")
                case .valueNotFound(_, let context): (context.codingPath, "required", "must not be null")
                case .dataCorrupted(let context): (context.codingPath, "format", context.debugDescription)
                @unknown default: ([], "format", "could not be read")
                }
            let field = path.map(\.stringValue).filter { !$0.isEmpty }.joined(separator: ".")
            let name = field.isEmpty ? "body" : field
            return APIProblem(
                status: 400, title: "Bad request", detail: "\(name) \(message).",
                errors: [FieldError(field: name, rule: rule, message: "\(name) \(message)")])
        }
        return APIProblem(status: 400, title: "Bad request", detail: "The request could not be read: \(server.underlyingError).")
    }
}
