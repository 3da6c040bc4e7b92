import Foundation
import Hummingbird
import Logging
import WaymarkApp
import WaymarkCore
import WaymarkRecords

/// A signed-in user changes their own password. A user whose password an
/// administrator reset is sent here from every other page until they do.
struct PasswordController {
    let services: WebServices
    let templates: Templates

    var endpoints: RouteCollection<WebContext> {
        let routes = RouteCollection(context: WebContext.self)
        routes.requiring(nil)
            .get(RouterPath(Paths.password), use: show)
            .post(RouterPath(Paths.password), use: change)
        return routes
    }

    struct Form: Decodable {
        var current: String?
        var new: String?
        var confirm: String?
    }

    /// Pages a user who must change their password may still reach.
    static func reachableWhileForced(_ path: String) -> Bool {
        path == Paths.password || path == Paths.signOut
    }

    func show(_ request: Request, context: StaffContext) async throws -> Response {
        let changed = request.uri.queryParameters.get("changed") != nil
        return try templates.render(PasswordPage(user: context.user, csrf: context.csrf, problem: nil, changed: changed && !context.user.mustChangePassword))
    }

    func change(_ request: Request, context: StaffContext) async throws -> Response {
        let form = try await request.decodeForm(as: Form.self, context: context)
        let outcome = try await services.app.signIn.changeOwnPassword(
            context.session, current: form.current ?? "", new: form.new ?? "", confirmation: form.confirm ?? "",
            keepingSession: context.sessionTokenHash,
            clientAddress: ClientAddress.of(request, context: context, trustForwardedFor: services.trustForwardedFor), now: services.now())
        switch outcome {
        case .throttled:
            throw HTTPError(.tooManyRequests, message: "Too many wrong passwords. Wait a few minutes, then try again.")
        case .refused(let problem):
            return try templates.render(PasswordPage(user: context.user, csrf: context.csrf, problem: problem, changed: false), status: .unprocessableContent)
        case .changed:
            context.logger.info("password changed", metadata: ["user": "\(context.user.id)"])
            return .redirect(to: Paths.passwordChanged, type: .normal)
        }
    }
}

/// The change-password form.
struct PasswordPage: PageModel {
    static let template = "account-password"
    let title = "Change your password"
    let userName: String
    let role: String
    let csrf: String
    /// Set after an administrator's reset: the page explains why they are here.
    let mustChange: Bool
    let changed: Bool
    let minimumLength = UserAccounts.minimumPasswordLength
    let hasError: Bool
    let errorField: String
    let errorMessage: String
    let currentError: String?
    let newError: String?
    let confirmError: String?

    init(user: StoredUser, csrf: String, problem: PasswordChangeProblem?, changed: Bool) {
        userName = user.displayName
        role = user.role.displayName
        self.csrf = csrf
        mustChange = user.mustChangePassword
        self.changed = changed
        hasError = problem != nil
        errorField = problem?.field ?? ""
        errorMessage = problem?.message ?? ""
        currentError = problem?.field == "current-password" ? problem?.message : nil
        newError = problem?.field == "new-password" ? problem?.message : nil
        confirmError = problem?.field == "confirm-password" ? problem?.message : nil
    }
}
