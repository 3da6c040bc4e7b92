import Foundation
import Hummingbird
import Logging
import WaymarkApp
import WaymarkCore
import WaymarkRecords

/// The administrator's page: every account, a form to add one, and for each
/// a role to set and a switch to disable it. Administrators cannot lock
/// themselves out: their own role and status are not editable here.
struct UsersController {
    let services: WebServices
    let templates: Templates

    var endpoints: RouteCollection<WebContext> {
        let routes = RouteCollection(context: WebContext.self)
        routes.requiring(.manageUsers)
            .get("", use: list)
            .post("", use: add)
            .post(":user", use: update)
            .post(":user/password", use: resetPassword)
            .post(":user/invitation", use: reissueInvitation)
        return routes
    }

    struct NewUserForm: Decodable {
        var name: String?
        var email: String?
        var role: String?
        var organisation: String?
    }

    struct UpdateForm: Decodable {
        var role: String?
        var status: String?
    }

    private var users: UserAdministration { services.app.users }

    func list(_ request: Request, context: StaffContext) async throws -> Response {
        let query = request.uri.queryParameters
        let done = query.get("added", as: Int64.self).map(UsersPage.Done.added) ?? query.get("updated", as: Int64.self).map(UsersPage.Done.updated)
        return try await page(context: context, done: done)
    }

    func add(_ request: Request, context: StaffContext) async throws -> Response {
        let form = try await request.decodeForm(as: NewUserForm.self, context: context)
        guard let role = form.role.flatMap(Role.init(rawValue:)) else {
            return try await page(context: context, form: form, error: .init(field: "role", message: "Choose a role"))
        }
        guard let organisationID = form.organisation.flatMap({ Int64($0) }) else {
            return try await page(context: context, form: form, error: .init(field: "organisation", message: "Choose an organisation"))
        }
        do {
            let invitation = try await users.invite(
                email: form.email ?? "", displayName: form.name ?? "", role: role, organisationID: organisationID,
                for: context.grant, at: services.now())
            context.logger.info("user invited", metadata: ["user": "\(invitation.account.id)", "by": "\(context.user.id)"])
            return try invitationPage(invitation, context: context, reissued: false)
        } catch let error as AccountError {
            return try await page(context: context, form: form, error: UsersPage.FieldError(error))
        }
    }

    /// A new link for someone who has not yet accepted; their old link stops working.
    func reissueInvitation(_ request: Request, context: StaffContext) async throws -> Response {
        guard let userID = context.parameters.get("user", as: Int64.self) else { throw HTTPError(.notFound, message: "There is no user with that id.") }
        let invitation = try await users.reissueInvitation(for: userID, grant: context.grant, at: services.now())
        context.logger.info("invitation reissued", metadata: ["user": "\(userID)", "by": "\(context.user.id)"])
        return try invitationPage(invitation, context: context, reissued: true)
    }

    private func invitationPage(_ invitation: IssuedInvitation, context: StaffContext, reissued: Bool) throws -> Response {
        var response = try templates.render(InvitationIssuedPage(
            user: .init(name: context.user.displayName, role: context.user.role.displayName), csrf: context.csrf,
            invitation: invitation, reissued: reissued))
        // The link is a key: no cache, proxy or back button should keep the page.
        response.headers[.cacheControl] = "no-store"
        return response
    }

    func update(_ request: Request, context: StaffContext) async throws -> Response {
        guard let userID = context.parameters.get("user", as: Int64.self) else { throw HTTPError(.notFound, message: "There is no user with that id.") }
        let form = try await request.decodeForm(as: UpdateForm.self, context: context)
        let role = try form.role.map { text in
            guard let role = Role(rawValue: text) else { throw HTTPError(.badRequest, message: "role: '\(text.prefix(40))' is not a Waymark role") }
            return role
        }
        let disabled = try form.status.map { text in
            guard ["active", "disabled"].contains(text) else { throw HTTPError(.badRequest, message: "status: choose active or disabled") }
            return text == "disabled"
        }
        try await users.update(userID, role: role, disabled: disabled, for: context.grant, at: services.now())
        return .redirect(to: Paths.users(updated: userID), type: .normal)
    }

    /// Sets a temporary password, shown once on this page and never again;
    /// the user must choose their own at next sign-in.
    func resetPassword(_ request: Request, context: StaffContext) async throws -> Response {
        guard let userID = context.parameters.get("user", as: Int64.self) else { throw HTTPError(.notFound, message: "There is no user with that id.") }
        let (account, temporary) = try await users.resetPassword(of: userID, for: context.grant, at: services.now())
        context.logger.info("password reset", metadata: ["user": "\(account.id)", "by": "\(context.user.id)"])
        return try templates.render(
            PasswordResetPage(userName: context.user.displayName, role: context.user.role.displayName, csrf: context.csrf,
                              accountName: account.displayName, accountEmail: account.email, temporaryPassword: temporary))
    }

    private func page(
        context: StaffContext, form: NewUserForm? = nil, error: UsersPage.FieldError? = nil, done: UsersPage.Done? = nil
    ) async throws -> Response {
        let (accounts, organisations) = try await users.accounts(for: context.grant)
        let invitations = try await users.invitations(for: context.grant, at: services.now())
        let page = UsersPage(
            user: context.user, csrf: context.csrf, users: accounts, organisations: organisations, invitations: invitations,
            form: form.map { UsersPage.Entered(name: $0.name ?? "", email: $0.email ?? "", role: $0.role ?? "", organisation: $0.organisation ?? "") },
            error: error, done: done)
        return try templates.render(page, status: error == nil ? .ok : .unprocessableContent)
    }
}
