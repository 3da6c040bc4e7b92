import Foundation
import Logging
import WaymarkCore
import WaymarkStore
import WaymarkSynthetic

/// Makes a demo installation: a synthetic LA and one user per role.
public struct DemoSetup: Sendable {
    let store: Store
    let logger: Logger
    /// bcrypt cost for the demo users (tests lower it).
    var passwordCost: UInt8 = 12

    public init(store: Store, logger: Logger, passwordCost: UInt8 = 12) {
        self.store = store
        self.logger = logger
        self.passwordCost = passwordCost
    }

    /// The demo password, printed at start-up. Demo data is synthetic, so a public password is fine there and only there.
    public static let password = "northmere-demo"

    /// One sign-in per role.
    public struct Credential: Sendable, Equatable {
        public let role: Role
        public let email: String
        public let password: String
    }

    public enum Outcome: Sendable {
        case loaded(DemoLoader.Report, [Credential])
        case alreadyHasData(people: Int)
    }

    /// Loads the demo only into an empty database; anything else is left alone.
    public func run(people: Int, seed: UInt64, now: Date) async throws -> Outcome {
        let existing = try await PersonQueries(store: store, registry: DemoAuthority.registry).count(table: .youngPerson)
        guard existing == 0 else { return .alreadyHasData(people: existing) }
        let configuration = SyntheticLAConfiguration(seed: seed, people: people, referenceDate: CalendarDate.today(from: now))
        let authority = SyntheticLA(configuration)
        let report = try await DemoLoader(store: store, logger: logger).load(authority, now: now)
        guard let laID = report.organisationIDs[1] else { throw DemoError.noLocalAuthorityOrganisation }
        let accounts = UserAccounts(store: store, cost: passwordCost)
        var credentials: [Credential] = []
        for role in Role.allCases {
            let email = "\(role.rawValue)@northmere.example"
            _ = try await accounts.add(
                email: email, displayName: Self.demoName(for: role), role: role, password: Self.password,
                organisationID: laID, by: .system("demo-generator"), at: now)
            credentials.append(Credential(role: role, email: email, password: Self.password))
        }
        return .loaded(report, credentials)
    }

    static func demoName(for role: Role) -> String {
        switch role {
        case .administrator: "Priya Shah"
        case .dataManager: "Tom Ellison"
        case .trackingOfficer: "Grace Adeyemi"
        case .personalAdviser: "Liam O'Connor"
        case .manager: "Helen Marsh"
        }
    }
}

public enum DemoError: Error, CustomStringConvertible {
    case noLocalAuthorityOrganisation

    public var description: String { "the synthetic LA has no local authority organisation (key 1)" }
}
