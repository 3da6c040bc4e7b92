import ArgumentParser
import Foundation
import WaymarkApp
import WaymarkRecords
import WaymarkStore

/// `waymark api-clients`: issue, list and revoke the API's clients from the
/// server itself (the administrator's page does the same in the browser).
struct APIClients: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "api-clients", abstract: "Issue, list and revoke API clients.", subcommands: [Issue.self, List.self, Revoke.self])

    struct Issue: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Issue a client and print its token, once: Waymark keeps only a hash of it. (--token-only prints the token alone, for scripts.)")

        @OptionGroup var storage: StorageOptions
        @OptionGroup var authority: AuthorityOptions

        @Option(help: "What the system is, e.g. \"Northgate Academy MIS\".")
        var name: String

        @Option(help: "The id of the organisation it belongs to (default: the first local authority).")
        var organisation: Int64?

        @Option(help: "The role it acts as: \(APIScopePolicy.roles.map(\.rawValue).joined(separator: ", ")).")
        var role: String

        @Option(help: "Its scopes, separated by commas: \(APIScope.allCases.map(\.rawValue).joined(separator: ", ")).")
        var scopes: String

        @Option(help: "Days the token lasts (1–365).")
        var days: Int = APIClientDesk.standardLifetimeDays

        @Option(help: "Calls a minute allowed (1–60000; an LA's own reporting tools may need the most).")
        var rate: Int = APIClientDesk.standardRateLimit

        @Flag(help: "Print only the token.")
        var tokenOnly = false

        func run() async throws {
            guard let role = Role(rawValue: role) else { throw ValidationError("--role: '\(role)' is not a Waymark role") }
            var chosen: Set<APIScope> = []
            for word in scopes.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) {
                guard let scope = APIScope(rawValue: word) else { throw ValidationError("--scopes: '\(word)' is not a scope") }
                chosen.insert(scope)
            }
            let laCode = try authority.code()
            let issued = try await storage.withStore(logger: CommandLogging.logger("api-clients")) { store in
                let organisationID = try await OrganisationQueries(store: store).resolve(organisation)
                do {
                    return try await APIClientDesk(store: store, laCode: laCode).issue(
                        name: name, organisationID: organisationID, role: role, scopes: chosen, lifetimeDays: days, rateLimitPerMinute: rate,
                        by: .system("cli"), at: Date())
                } catch let problem as APIClientProblem {
                    throw ValidationError("--\(problem.field == "rate" ? "rate" : problem.field): \(problem.message)")
                }
            }
            if tokenOnly {
                print(issued.token)
            } else {
                print("Issued API client \(issued.client.id) (\(issued.client.name)) until \(Timestamp.format(issued.client.expiresAt)).")
                print("Token (shown once): \(issued.token)")
            }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List every client: id, status, organisation, role, scopes, token hint.")

        @OptionGroup var storage: StorageOptions
        @OptionGroup var authority: AuthorityOptions

        func run() async throws {
            let laCode = try authority.code()
            let clients = try await storage.withStore(logger: CommandLogging.logger("api-clients")) { store in
                try await APIClientDesk(store: store, laCode: laCode).all()
            }
            let now = Date()
            for client in clients {
                let status = client.revokedAt != nil ? "revoked" : client.expiresAt <= now ? "expired" : "live"
                print(
                    "\(client.id)\t\(status)\t\(client.name)\t\(client.organisationName)\t\(client.role.rawValue)\t\(APIScope.list(client.scopes))\t\(client.tokenHint)…\tuntil \(Timestamp.format(client.expiresAt))"
                )
            }
            if clients.isEmpty { print("No API clients.") }
        }
    }

    struct Revoke: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Revoke a client's token at once.")

        @OptionGroup var storage: StorageOptions
        @OptionGroup var authority: AuthorityOptions

        @Argument(help: "The client's id (from `waymark api-clients list`).")
        var id: Int64

        func run() async throws {
            let laCode = try authority.code()
            try await storage.withStore(logger: CommandLogging.logger("api-clients")) { store in
                do {
                    try await APIClientDesk(store: store, laCode: laCode).revoke(id, by: .system("cli"), at: Date())
                } catch let refusal as Refusal {
                    throw ValidationError(refusal.description)
                }
            }
            print("Revoked API client \(id).")
        }
    }
}
