import Foundation
import Hummingbird
import Logging
import WaymarkApp
import WaymarkCore
import WaymarkRecords
import WaymarkStore

/// The administrator's page: every account, a form to add one, and for each
/// a role to set and a switch to disable it. Administrators cannot lock
/// themselves out: their own role and status are not editable here.
struct UsersController {
    let services: WebServices
    let templates: Templates
    /// bcrypt work factor for new passwords (tests lower it).
    var passwordCost: UInt8 = 12

    var endpoints: RouteCollection<WebContext> {
        RouteCollection(context: WebContext.self)
            .get("", use: list)
            .post("", use: add)
            .post(":user", use: update)
            .post(":user/password", use: resetPassword)
    }

    struct NewUserForm: Decodable {
        var name: String?
        var email: String?
        var role: String?
        var organisation: String?
        var password: String?
    }

    struct UpdateForm: Decodable {
        var role: String?
        var status: String?
    }

    func list(_ request: Request, context: WebContext) async throws -> Response {
        let (user, _) = try context.require(.manageUsers)
        return try await page(context: context, user: user)
    }

    func add(_ request: Request, context: WebContext) async throws -> Response {
        let (admin, _) = try context.require(.manageUsers)
        let form = try await request.decodeForm(as: NewUserForm.self, context: context)
        guard let role = form.role.flatMap(Role.init(rawValue:)) else {
            return try await page(context: context, user: admin, form: form, error: .init(field: "role", message: "Choose a role"))
        }
        guard let organisationID = form.organisation.flatMap({ Int64($0) }) else {
            return try await page(context: context, user: admin, form: form, error: .init(field: "organisation", message: "Choose an organisation"))
        }
        do {
            let id = try await UserAccounts(store: services.store, cost: passwordCost, hasher: services.passwordHasher).add(
                email: form.email ?? "", displayName: form.name ?? "", role: role, password: form.password ?? "",
                organisationID: organisationID, by: .user(admin.id), at: services.now())
            context.logger.info("user added", metadata: ["user": "\(id)", "by": "\(admin.id)"])
            return .redirect(to: "/admin/users?added=\(id)", type: .normal)
        } catch let error as AccountError {
            return try await page(context: context, user: admin, form: form, error: UsersPage.FieldError(error))
        }
    }

    func update(_ request: Request, context: WebContext) async throws -> Response {
        let (admin, _) = try context.require(.manageUsers)
        guard let userID = context.parameters.get("user", as: Int64.self), let target = try await UserQueries(store: services.store).user(id: userID) else {
            throw HTTPError(.notFound, message: "There is no user with that id.")
        }
        guard target.id != admin.id else {
            throw HTTPError(.badRequest, message: "You cannot change your own role or disable your own account. Ask another administrator.")
        }
        let form = try await request.decodeForm(as: UpdateForm.self, context: context)
        let role = try form.role.map { text in
            guard let role = Role(rawValue: text) else { throw HTTPError(.badRequest, message: "role: '\(text.prefix(40))' is not a Waymark role") }
            return role
        }
        let disabled = try form.status.map { text in
            guard ["active", "disabled"].contains(text) else { throw HTTPError(.badRequest, message: "status: choose active or disabled") }
            return text == "disabled"
        }
        if let role, let organisation = try await OrganisationQueries(store: services.store).organisation(id: target.organisationID),
            !UserAccounts.fits(role, organisation.kind)
        {
            throw HTTPError(.badRequest, message: AccountError.roleDoesNotFitOrganisation(role: role, kind: organisation.kind).description)
        }
        try await services.store.change(by: .user(admin.id), at: services.now()) { tx in
            if let role, role != target.role { try await tx.setRole(of: target.id, to: role) }
            if let disabled, disabled != target.disabled { try await tx.setDisabled(disabled, userID: target.id) }
        }
        return .redirect(to: "/admin/users?updated=\(target.id)", type: .normal)
    }

    /// Sets a temporary password, shown once on this page and never again;
    /// the user must choose their own at next sign-in.
    func resetPassword(_ request: Request, context: WebContext) async throws -> Response {
        let (admin, _) = try context.require(.manageUsers)
        guard let userID = context.parameters.get("user", as: Int64.self), let target = try await UserQueries(store: services.store).user(id: userID) else {
            throw HTTPError(.notFound, message: "There is no user with that id.")
        }
        guard target.id != admin.id else {
            throw HTTPError(.badRequest, message: "Change your own password from Your password, not by resetting it.")
        }
        let temporary = try await PasswordChanges(store: services.store, cost: passwordCost, hasher: services.passwordHasher)
            .reset(userID: target.id, by: .user(admin.id), at: services.now())
        context.logger.info("password reset", metadata: ["user": "\(target.id)", "by": "\(admin.id)"])
        return try templates.render(
            PasswordResetPage(userName: admin.displayName, role: admin.role.displayName, csrf: context.csrfToken ?? "",
                              accountName: target.displayName, accountEmail: target.email, temporaryPassword: temporary))
    }

    private func page(context: WebContext, user: StoredUser, form: NewUserForm? = nil, error: UsersPage.FieldError? = nil) async throws -> Response {
        async let users = UserQueries(store: services.store).all()
        async let organisations = OrganisationQueries(store: services.store).all()
        let page = UsersPage(
            user: user, csrf: context.csrfToken ?? "", users: try await users, organisations: try await organisations,
            form: form.map { UsersPage.Entered(name: $0.name ?? "", email: $0.email ?? "", role: $0.role ?? "", organisation: $0.organisation ?? "") },
            error: error)
        return try templates.render(page, status: error == nil ? .ok : .unprocessableContent)
    }
}
