import Hummingbird
import NIOCore
import WaymarkApp
import WaymarkStore

/// Turns any error into a page a person can read; internal details stay in the log.
struct ErrorPageMiddleware: RouterMiddleware {
    typealias Context = WebContext
    let templates: Templates

    func handle(_ request: Request, context: WebContext, next: (Request, WebContext) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch is SignInRequired {
            return .redirect(to: "/sign-in")
        } catch is PasswordHasherBusy {
            var response = try templates.render(
                ErrorPage(status: .serviceUnavailable, message: "Waymark is busy. Try again in a moment."), status: .serviceUnavailable)
            response.headers[.retryAfter] = "2"
            return response
        } catch let error as AccessDenied {
            return try templates.render(ErrorPage(status: .forbidden, message: error.description), status: .forbidden)
        } catch let error as HTTPError {
            return try templates.render(ErrorPage(status: error.status, message: error.body ?? error.status.reasonPhrase), status: error.status)
        } catch is NIOTooManyBytesError {
            return try templates.render(
                ErrorPage(status: .contentTooLarge, message: "What was sent is larger than this page accepts. Shorten it and try again."),
                status: .contentTooLarge)
        } catch let error where StoreFailure(error) != nil {
            let failure = StoreFailure(error) ?? .unreachable
            context.logger.error("database unavailable", metadata: ["failure": "\(failure)"])
            var response = try templates.render(ErrorPage(status: .serviceUnavailable, message: failure.description), status: .serviceUnavailable)
            response.headers[.retryAfter] = "30"
            return response
        } catch {
            context.logger.error("request failed", metadata: ["error": "\(String(reflecting: type(of: error)))"])
            return try templates.render(
                ErrorPage(status: .internalServerError, message: "Something went wrong on our side. Nothing you entered was half-saved; please try again."),
                status: .internalServerError)
        }
    }
}

struct ErrorPage: PageModel {
    static let template = "error"
    let title: String
    let message: String

    init(status: HTTPResponse.Status, message: String) {
        self.title = "\(status.code) – \(status.reasonPhrase)"
        self.message = message
    }
}
