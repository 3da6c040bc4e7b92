import Foundation
import WaymarkApp
import WaymarkCore
import WaymarkRecords

/// The administrator's list of API clients, the form to issue one and, just
/// after issuing, its token (shown this once).
struct APIClientsPage: PageModel {
    static let template = "admin-api-clients"

    struct Option: Sendable {
        let value: String
        let label: String
        let selected: Bool
    }

    struct Scope: Sendable {
        let value: String
        let meaning: String
        let checked: Bool
        let id: String
    }

    struct Client: Sendable {
        let id: Int64
        let name: String
        let organisation: String
        let role: String
        let scopes: String
        let hint: String
        let status: String
        let live: Bool
        let expires: String
        let lastUsed: String
        let rate: Int
    }

    struct Issued: Sendable {
        let name: String
        let token: String
        let expires: String
    }

    struct FieldError: Sendable {
        let field: String
        let message: String
    }

    let title = "API clients"
    let userName: String
    let role: String
    let csrf: String
    let clients: [Client]
    let hasClients: Bool
    let organisationOptions: [Option]
    let roleOptions: [Option]
    let scopes: [Scope]
    let name: String
    let days: String
    let rate: String
    let errors: [FieldError]
    let hasErrors: Bool
    let issued: Issued?
    let saved: String?
    let referenceURL = Paths.apiReference

    /// What the administrator typed, kept when the form comes back.
    struct Entered: Sendable {
        var name = ""
        var organisation = ""
        var role = ""
        var scopes: Set<String> = []
        var days = String(APIClientDesk.standardLifetimeDays)
        var rate = String(APIClientDesk.standardRateLimit)
    }

    init(
        user: StoredUser, csrf: String, clients: [StoredAPIClient], organisations: [StoredOrganisation], entered: Entered = Entered(),
        errors: [FieldError] = [], issued: IssuedAPIClient? = nil, saved: String? = nil, now: Date
    ) {
        userName = user.displayName
        role = user.role.displayName
        self.csrf = csrf
        self.clients = clients.map { client in
            let status = client.revokedAt != nil ? "Revoked" : client.expiresAt <= now ? "Expired" : "Live"
            return Client(
                id: client.id, name: client.name, organisation: client.organisationName, role: client.role.displayName,
                scopes: client.scopes.sorted().map(\.rawValue).joined(separator: ", "), hint: client.tokenHint + "…", status: status,
                live: client.isLive(at: now), expires: Self.day(client.expiresAt), lastUsed: client.lastUsedAt.map(Self.day) ?? "Never",
                rate: client.rateLimitPerMinute)
        }
        hasClients = !clients.isEmpty
        organisationOptions = organisations.map { Option(value: String($0.id), label: $0.name, selected: String($0.id) == entered.organisation) }
        roleOptions = APIScopePolicy.roles.map { Option(value: $0.rawValue, label: $0.displayName, selected: $0.rawValue == entered.role) }
        scopes = APIScope.allCases.map { scope in
            Scope(value: scope.rawValue, meaning: scope.meaning, checked: entered.scopes.contains(scope.rawValue), id: "scope-" + scope.rawValue.replacingOccurrences(of: ":", with: "-"))
        }
        name = entered.name
        days = entered.days
        rate = entered.rate
        self.errors = errors
        hasErrors = !errors.isEmpty
        self.issued = issued.map { Issued(name: $0.client.name, token: $0.token, expires: Self.day($0.client.expiresAt)) }
        self.saved = saved
    }

    static func day(_ date: Date) -> String {
        CalendarDate.today(from: date).longDescription
    }
}
