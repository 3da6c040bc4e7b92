import ArgumentParser
import Foundation
import SQLKit
import WaymarkApp
import WaymarkRecords
import WaymarkStore

struct Users: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Manage users.", subcommands: [Add.self])

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Add a user. The password comes from WAYMARK_NEW_PASSWORD (so it never appears in the process list or shell history).")

        @OptionGroup var storage: StorageOptions

        @Option(help: "Their e-mail address, used to sign in.")
        var email: String

        @Option(help: "Their name as shown to colleagues.")
        var name: String

        @Option(help: "One of: \(Role.allCases.map(\.rawValue).joined(separator: ", ")).")
        var role: String

        @Option(help: "The id of the organisation they belong to (default: the first local authority).")
        var organisation: Int64?

        func run() async throws {
            guard let role = Role(rawValue: role) else { throw ValidationError(AccountError.unknownRole(role).description) }
            guard let password = ProcessInfo.processInfo.environment["WAYMARK_NEW_PASSWORD"] else {
                throw ValidationError("password: set WAYMARK_NEW_PASSWORD to the new user's password (at least 10 characters)")
            }
            let logger = CommandLogging.logger("users")
            let id = try await storage.withStore(logger: logger) { store in
                let organisationID = try await OrganisationQueries(store: store).resolve(organisation)
                return try await UserAccounts(store: store).add(
                    email: email, displayName: name, role: role, password: password, organisationID: organisationID,
                    by: .system("cli"), at: Date())
            }
            print("Added user \(id) (\(role.displayName)).")
        }
    }
}
