public import Foundation
public import WaymarkCore
public import WaymarkRecords
public import WaymarkStore

/// API clients: administrators issue, list and revoke them; the API asks
/// here who a bearer token is and whether its client may make another call.
public struct APIClientDesk: Sendable {
    let store: Store
    let laCode: LocalAuthorityCode

    public init(store: Store, laCode: LocalAuthorityCode) {
        self.store = store
        self.laCode = laCode
    }

    /// Calls a minute a client may make unless the administrator says otherwise.
    public static let standardRateLimit = 120
    public static let rateLimits = 1...60000
    /// How long a token lasts, in days, unless the administrator says otherwise.
    public static let standardLifetimeDays = 90
    public static let lifetimes = 1...365

    /// Every client, newest first, and the organisations one may be issued to.
    public func clients(for grant: AccessGrant) async throws -> (clients: [StoredAPIClient], organisations: [StoredOrganisation]) {
        try grant.require(.manageUsers)
        async let clients = APIClientStore(store: store).all()
        async let organisations = OrganisationQueries(store: store).all()
        return (try await clients, try await organisations)
    }

    /// Every client, for the command line.
    public func all() async throws -> [StoredAPIClient] {
        try await APIClientStore(store: store).all()
    }

    /// Issues a client and returns its token, to be shown once. Throws
    /// ``APIClientProblem`` naming the field for anything that cannot be issued.
    public func issue(
        name: String, organisationID: Int64, role: Role, scopes: Set<APIScope>, lifetimeDays: Int = standardLifetimeDays,
        rateLimitPerMinute: Int = standardRateLimit, for grant: AccessGrant, at now: Date
    ) async throws -> IssuedAPIClient {
        try grant.require(.manageUsers)
        return try await issue(
            name: name, organisationID: organisationID, role: role, scopes: scopes, lifetimeDays: lifetimeDays, rateLimitPerMinute: rateLimitPerMinute,
            by: grant.actor, at: now)
    }

    /// Issues a client on behalf of `actor` without a grant: for `waymark
    /// api-clients issue`, run by whoever operates the server.
    public func issue(
        name: String, organisationID: Int64, role: Role, scopes: Set<APIScope>, lifetimeDays: Int = standardLifetimeDays,
        rateLimitPerMinute: Int = standardRateLimit, by actor: Actor, at now: Date
    ) async throws -> IssuedAPIClient {
        let name = name.trimmingCharacters(in: .whitespacesAndNewlines)
        guard (1...80).contains(name.count) else {
            throw APIClientProblem(field: "name", message: "Enter a name for the client of at most 80 characters, such as the school's system")
        }
        guard let organisation = try await OrganisationQueries(store: store).organisation(id: organisationID) else {
            throw APIClientProblem(field: "organisation", message: "Choose the organisation the client belongs to")
        }
        guard APIScopePolicy.roles.contains(role), UserAccounts.fits(role, organisation.kind) else {
            throw APIClientProblem(
                field: "role",
                message: organisation.kind == .localAuthority
                    ? "Choose a local authority role for a local authority's client (not careers leader or administrator)"
                    : "A school's, college's or provider's client acts as its careers leader")
        }
        guard !scopes.isEmpty else { throw APIClientProblem(field: "scopes", message: "Choose at least one scope") }
        let allowed = Set(APIScopePolicy.scopes(for: role))
        if let refused = scopes.subtracting(allowed).sorted().first {
            throw APIClientProblem(field: "scopes", message: "A \(role.displayName.lowercased())'s client cannot have \(refused.rawValue): the role may not \(refused.meaning.lowercased())")
        }
        guard Self.lifetimes.contains(lifetimeDays) else {
            throw APIClientProblem(field: "days", message: "A token lasts between 1 and 365 days")
        }
        guard Self.rateLimits.contains(rateLimitPerMinute) else {
            throw APIClientProblem(field: "rate", message: "Allow between 1 and 60000 calls a minute")
        }
        let token = APIToken.make()
        let new = NewAPIClient(
            name: name, organisationID: organisation.id, role: role, scopes: scopes, tokenHash: APIToken.hash(token), tokenHint: APIToken.hint(token),
            rateLimitPerMinute: rateLimitPerMinute, expiresAt: now.addingTimeInterval(TimeInterval(lifetimeDays) * 86_400))
        let id = try await store.change(by: actor, at: now) { tx in try await tx.createAPIClient(new) }
        guard let client = try await APIClientStore(store: store).client(id: id) else { throw StoreError.notFound(entity: "api_client", id: id) }
        return IssuedAPIClient(client: client, token: token)
    }

    /// Stops a client's token working at once.
    public func revoke(_ id: Int64, for grant: AccessGrant, at now: Date) async throws {
        try grant.require(.manageUsers)
        try await revoke(id, by: grant.actor, at: now)
    }

    /// Revokes on behalf of `actor`, for the command line.
    public func revoke(_ id: Int64, by actor: Actor, at now: Date) async throws {
        guard try await APIClientStore(store: store).client(id: id) != nil else { throw Refusal.notFound("There is no API client with that id.") }
        let revoked = try await store.change(by: actor, at: now) { tx in try await tx.revokeAPIClient(id) }
        guard revoked else { throw Refusal.conflict("That client's token was already revoked.") }
    }

    /// The client a bearer token belongs to and the grant it calls with, or
    /// nil for a token that is unknown, expired or revoked (never told apart).
    public func access(token: String, at now: Date) async throws -> APIAccess? {
        guard APIToken.isPlausible(token),
            let (client, user, organisation) = try await APIClientStore(store: store).bearer(tokenHash: APIToken.hash(token)),
            client.isLive(at: now)
        else { return nil }
        let scope = AccessPolicy.scope(for: organisation, installationLA: laCode.code, on: CalendarDate.today(from: now))
        return APIAccess(client: client, grant: AccessGrant(user: user, scope: scope))
    }

    /// Counts the call against the client's minute; over its limit, how long to wait.
    public func admit(_ client: StoredAPIClient, at now: Date) async throws -> APIAdmission {
        let second = now.timeIntervalSince1970.rounded(.down)
        let windowStart = Date(timeIntervalSince1970: second - second.truncatingRemainder(dividingBy: 60))
        let calls = try await APIClientStore(store: store).countCall(clientID: client.id, windowStart: windowStart, now: now)
        guard calls > client.rateLimitPerMinute else { return .admitted }
        return .limited(retryAfter: max(1, Int(windowStart.addingTimeInterval(60).timeIntervalSince(now).rounded(.up))))
    }
}
