import Foundation
import Hummingbird
import Logging
import NIOCore
import WaymarkApp

/// Turns any error into a page a person can read; internal details stay in the log.
struct ErrorPageMiddleware: RouterMiddleware {
    typealias Context = WebContext
    let templates: Templates
    /// The inner instance (inside the session) leaves an HTTP 404 to the outer
    /// one: FileMiddleware, between them, serves a stylesheet only when the
    /// router's "no such route" reaches it as an error.
    var passesNotFound = false

    func handle(_ request: Request, context: WebContext, next: (Request, WebContext) async throws -> Response) async throws -> Response {
        let referer = request.headers[.referer]
        do {
            return try await next(request, context)
        } catch is SignInRequired {
            return .redirect(to: Paths.signIn)
        } catch is PasswordHasherBusy {
            var response = try templates.render(
                ErrorPage(status: .serviceUnavailable, message: "Waymark is busy. Try again in a moment.", referer: referer), status: .serviceUnavailable)
            response.headers[.retryAfter] = "2"
            return response
        } catch let error as AccessDenied {
            return try templates.render(ErrorPage(status: .forbidden, message: error.description, referer: referer), status: .forbidden)
        } catch let refusal as Refusal {
            let status: HTTPResponse.Status = switch refusal {
            case .notFound: .notFound
            case .forbidden: .forbidden
            case .conflict: .conflict
            case .invalid: .unprocessableContent
            case .badRequest: .badRequest
            }
            return try templates.render(ErrorPage(status: status, message: refusal.description, referer: referer), status: status)
        } catch let error as HTTPError where passesNotFound && error.status == .notFound {
            throw error
        } catch let error as HTTPError {
            return try templates.render(ErrorPage(status: error.status, message: error.body ?? error.status.reasonPhrase, referer: referer), status: error.status)
        } catch is NIOTooManyBytesError {
            return try templates.render(
                ErrorPage(status: .contentTooLarge, message: "What was sent is larger than this page accepts. Shorten it and try again.", referer: referer),
                status: .contentTooLarge)
        } catch let error where DatabaseUnavailable(error) != nil {
            let failure = DatabaseUnavailable(error)
            context.logger.error("database unavailable", metadata: ["failure": "\(failure?.kind ?? "unknown")"])
            var response = try templates.render(
                ErrorPage(status: .serviceUnavailable, message: failure?.description ?? "The database is not answering just now.", referer: referer), status: .serviceUnavailable)
            response.headers[.retryAfter] = "30"
            return response
        } catch {
            context.logger.error("request failed", metadata: ["error": "\(String(reflecting: type(of: error)))"])
            return try templates.render(
                ErrorPage(status: .internalServerError, message: "Something went wrong on our side. Nothing you entered was half-saved; please try again.", referer: referer),
                status: .internalServerError)
        }
    }
}

struct ErrorPage: PageModel {
    static let template = "error"
    let title: String
    let message: String

    init(status: HTTPResponse.Status, message: String, referer: String? = nil) {
        self.title = Self.heading(status)
        self.message = message
        self.code = "Error \(status.code)"
        // Only a page of our own is offered as the way back, never another site's.
        self.back = Self.sameSite(referer)
    }

    let code: String
    let back: String?

    /// What a person is told happened, in words rather than an HTTP phrase.
    static func heading(_ status: HTTPResponse.Status) -> String {
        switch status.code {
        case 400: "What was sent could not be read"
        case 403: "You cannot do this"
        case 404: "Page not found"
        case 409: "This has changed since you opened it"
        case 413: "What was sent is too large"
        case 422: "There is a problem with what was sent"
        case 429: "Too many attempts"
        case 503: "Waymark is not available just now"
        case 500...: "Sorry, something went wrong"
        default: status.reasonPhrase
        }
    }

    /// The path of the referring page when it is one of Waymark's own.
    static func sameSite(_ referer: String?) -> String? {
        guard let referer, let url = URL(string: referer) else { return nil }
        let path = url.path
        guard path.hasPrefix("/"), !path.hasPrefix("//") else { return nil }
        return path + (url.query.map { "?" + $0 } ?? "")
    }
}
