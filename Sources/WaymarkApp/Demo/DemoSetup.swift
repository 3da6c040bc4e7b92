public import Foundation
public import Logging
import WaymarkCore
public import WaymarkRecords
public import WaymarkStore
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
        let schoolKey = authority.organisations.first { $0.kind == .school }?.key
        // The partner worker works at the youth justice service, so the demo has a youth offending worker to refer to.
        let youthJusticeKey = authority.organisations.first { $0.kind == .youthJustice }?.key
        let accounts = UserAccounts(store: store, cost: passwordCost)
        var credentials: [Credential] = []
        var advisers: [Int64] = []
        for role in Role.allCases {
            let email = "\(role.rawValue)@northmere.example"
            let organisationID =
                switch role {
                case .careersLeader: schoolKey.flatMap { report.organisationIDs[$0] } ?? laID
                case .partnerWorker: youthJusticeKey.flatMap { report.organisationIDs[$0] } ?? laID
                default: laID
                }
            let id = try await accounts.add(
                email: email, displayName: Self.demoName(for: role), role: role, password: Self.password,
                organisationID: organisationID, by: .system("demo-generator"), at: now)
            if role == .personalAdviser { advisers.append(id) }
            credentials.append(Credential(role: role, email: email, password: Self.password))
        }
        for (number, name) in Self.moreAdvisers.enumerated() {
            advisers.append(
                try await accounts.add(
                    email: "adviser\(number + 2)@northmere.example", displayName: name, role: .personalAdviser, password: Self.password,
                    organisationID: laID, by: .system("demo-generator"), at: now))
        }
        try await DemoCaseloads(store: store).seed(adviserIDs: advisers, responsibleLA: DemoAuthority.laCode.code, now: now)
        return .loaded(report, credentials)
    }

    /// The rest of the adviser team, so the manager's view has people to compare.
    static let moreAdvisers = ["Aisha Rahman", "Owen Price", "Chloe Bennett", "Marek Nowak"]

    static func demoName(for role: Role) -> String {
        switch role {
        case .administrator: "Priya Shah"
        case .dataManager: "Tom Ellison"
        case .trackingOfficer: "Grace Adeyemi"
        case .personalAdviser: "Liam O'Connor"
        case .manager: "Helen Marsh"
        case .careersLeader: "Sam Okafor"
        case .partnerWorker: "Dan Whitfield"
        }
    }
}

public enum DemoError: Error, CustomStringConvertible {
    case noLocalAuthorityOrganisation

    public var description: String { "the synthetic LA has no local authority organisation (key 1)" }
}
