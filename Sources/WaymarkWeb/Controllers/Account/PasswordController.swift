import Foundation
import Hummingbird
import Logging
import WaymarkApp
import WaymarkCore
import WaymarkRecords
import WaymarkStore

/// A signed-in user changes their own password. A user whose password an
/// administrator reset is sent here from every other page until they do.
struct PasswordController {
    static let path = "/account/password"
    let services: WebServices
    let templates: Templates

    var endpoints: RouteCollection<WebContext> {
        RouteCollection(context: WebContext.self)
            .get(RouterPath(Self.path), use: show)
            .post(RouterPath(Self.path), use: change)
    }

    struct Form: Decodable {
        var current: String?
        var new: String?
        var confirm: String?
    }

    /// Pages a user who must change their password may still reach.
    static func reachableWhileForced(_ path: String) -> Bool {
        path == Self.path || path == "/sign-out"
    }

    func show(_ request: Request, context: WebContext) async throws -> Response {
        guard let user = context.user else { throw SignInRequired() }
        let changed = request.uri.queryParameters.get("changed") != nil
        return try templates.render(PasswordPage(user: user, csrf: context.csrfToken ?? "", problem: nil, changed: changed && !user.mustChangePassword))
    }

    func change(_ request: Request, context: WebContext) async throws -> Response {
        guard let user = context.user else { throw SignInRequired() }
        let form = try await request.decodeForm(as: Form.self, context: context)
        let current = form.current ?? ""
        guard current.utf8.count <= SignInThrottlePolicy.maxPasswordBytes else { return try problemPage(.currentWrong, user: user, context: context) }
        // The current password is a guess like any other: a borrowed session must not make it a free oracle.
        let attempts = SignInAttempts(store: services.store, policy: services.signInPolicy)
        let client = ClientAddress.of(request, context: context, trustForwardedFor: services.trustForwardedFor)
        let now = services.now()
        guard case .admitted(let attemptID) = try await attempts.admit(email: user.email, clientAddress: client, now: now) else {
            throw HTTPError(.tooManyRequests, message: "Too many wrong passwords. Wait a few minutes, then try again.")
        }
        let problem: PasswordChangeProblem?
        do {
            problem = try await PasswordChanges(store: services.store, cost: services.passwordCost, hasher: services.passwordHasher).change(
                user: user, current: current, new: form.new ?? "", confirmation: form.confirm ?? "", keepingSession: context.sessionTokenHash, at: now)
        } catch {
            try await attempts.withdraw(attemptID: attemptID)
            throw error
        }
        if let problem {
            if problem == .currentWrong {
                try await attempts.recordOutcome(attemptID: attemptID, succeeded: false, userID: user.id, now: now)
            } else {
                // Nothing was guessed: the form was incomplete before any password was checked.
                try await attempts.withdraw(attemptID: attemptID)
            }
            return try problemPage(problem, user: user, context: context)
        }
        try await attempts.recordOutcome(attemptID: attemptID, succeeded: true, userID: user.id, now: now)
        context.logger.info("password changed", metadata: ["user": "\(user.id)"])
        return .redirect(to: Self.path + "?changed=1", type: .normal)
    }

    private func problemPage(_ problem: PasswordChangeProblem, user: StoredUser, context: WebContext) throws -> Response {
        try templates.render(PasswordPage(user: user, csrf: context.csrfToken ?? "", problem: problem, changed: false), status: .unprocessableContent)
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
