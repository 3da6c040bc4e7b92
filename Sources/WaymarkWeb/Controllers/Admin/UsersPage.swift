import Foundation
import WaymarkApp
import WaymarkCore
import WaymarkRecords

/// The administrator's view of accounts.
struct UsersPage: PageModel {
    static let template = "admin-users"

    struct Option: Sendable {
        let value: String
        let label: String
        let selected: Bool
    }

    struct Account: Sendable {
        let id: Int64
        let name: String
        let email: String
        let organisation: String
        let role: String
        let disabled: Bool
        let isSelf: Bool
        let roles: [Option]
        /// "Invited — not yet accepted (link works until …)" or "… (link expired)"; nil once they have set a password.
        let invitation: String?
        let invitationExpired: Bool
    }

    /// What the administrator typed, kept when the form comes back with an error (never the password).
    struct Entered: Sendable {
        let name: String
        let email: String
        let role: String
        let organisation: String
    }

    /// One problem with the add-user form, tied to its field.
    struct FieldError: Sendable, Equatable {
        let field: String
        let message: String

        init(field: String, message: String) {
            self.field = field
            self.message = message
        }

        /// Account errors read "field: message".
        init(_ error: AccountError) {
            let parts = error.description.split(separator: ":", maxSplits: 1)
            field = parts.count == 2 ? String(parts[0]) : "email"
            let text = parts.count == 2 ? parts[1].trimmingCharacters(in: .whitespaces) : error.description
            message = text.prefix(1).uppercased() + text.dropFirst()
        }
    }

    let title = "Users"
    let userName: String
    let role: String
    let csrf: String
    let accounts: [Account]
    let roleOptions: [Option]
    let organisationOptions: [Option]
    let entered: Entered
    let hasError: Bool
    let errorField: String
    let errorMessage: String
    /// What the last change did, said back to the administrator.
    let saved: String?

    /// The change an administrator has just made, named on the page after the redirect.
    enum Done: Sendable {
        case added(Int64)
        case updated(Int64)
    }

    init(
        user: StoredUser, csrf: String, users: [StoredUser], organisations: [StoredOrganisation], invitations: [Int64: InvitationState] = [:],
        form: Entered?, error: FieldError?, done: Done? = nil
    ) {
        userName = user.displayName
        role = user.role.displayName
        self.csrf = csrf
        let names = Dictionary(uniqueKeysWithValues: organisations.map { ($0.id, $0.name) })
        accounts = users.map { account in
            Account(
                id: account.id, name: account.displayName, email: account.email, organisation: names[account.organisationID] ?? "–",
                role: account.role.displayName, disabled: account.disabled, isSelf: account.id == user.id,
                roles: Role.allCases.map { Option(value: $0.rawValue, label: $0.displayName, selected: $0 == account.role) },
                invitation: invitations[account.id].map(Self.describe), invitationExpired: invitations[account.id] == .expired)
        }
        let entered = form ?? Entered(name: "", email: "", role: "", organisation: "")
        self.entered = entered
        roleOptions = Role.allCases.map { Option(value: $0.rawValue, label: $0.displayName, selected: $0.rawValue == entered.role) }
        organisationOptions = organisations.map {
            Option(value: String($0.id), label: "\($0.name) (\($0.kind.rawValue))", selected: String($0.id) == entered.organisation)
        }
        hasError = error != nil
        errorField = error?.field ?? ""
        errorMessage = error?.message ?? ""
        saved = done.flatMap { Self.confirmation($0, users: users) }
    }

    static func describe(_ state: InvitationState) -> String {
        switch state {
        case .pending(let expiresAt): "link works until \(UKTime.describe(instant: expiresAt))"
        case .expired: "link expired"
        }
    }

    static func confirmation(_ done: Done, users: [StoredUser]) -> String? {
        switch done {
        case .added(let id):
            guard let account = users.first(where: { $0.id == id }) else { return nil }
            return "Account added for \(account.displayName) (\(account.email)) as \(account.role.displayName)."
        case .updated(let id):
            guard let account = users.first(where: { $0.id == id }) else { return nil }
            return "\(account.displayName)'s account saved: \(account.role.displayName), \(account.disabled ? "disabled (cannot sign in)" : "active")."
        }
    }
}
