import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
import WaymarkApp
import WaymarkStore
import WaymarkTestSupport
@testable import WaymarkWeb

/// Every route, tried as every role and signed out. The expected table is
/// written out by hand, not derived from ``AccessPolicy``, so a change to the
/// policy that nobody meant shows up here.
@Suite struct PermissionMatrixTests {
    enum Outcome: String, Equatable { case allowed, denied, notFound = "not found", signIn = "sign in" }

    struct Route: Sendable {
        let method: HTTPRequest.Method
        let path: @Sendable (AccessFixture) -> String
        let allowed: Set<Role>
        /// Roles that may use the route in general but not on this record: they get the same 404 as an unknown id.
        var hidden: Set<Role> = []
        var fields: [String: String] = [:]
    }

    static let lookers: Set<Role> = [.dataManager, .trackingOfficer, .personalAdviser, .manager]
    static let routes: [(String, Route)] = [
        ("home", Route(method: .get, path: { _ in "/" }, allowed: Set(Role.allCases))),
        ("figures", Route(method: .get, path: { _ in "/figures" }, allowed: lookers)),
        ("activity survey", Route(method: .get, path: { _ in "/activity-survey" }, allowed: lookers)),
        ("returns", Route(method: .get, path: { _ in "/returns" }, allowed: [.dataManager])),
        ("generate a return", Route(method: .post, path: { _ in "/returns" }, allowed: [.dataManager], fields: ["period-end": "1999-02-30"])),
        ("users", Route(method: .get, path: { _ in "/admin/users" }, allowed: [.administrator])),
        ("add a user", Route(method: .post, path: { _ in "/admin/users" }, allowed: [.administrator], fields: ["email": "x"])),
        ("change a user", Route(method: .post, path: { "/admin/users/\($0.users[.personalAdviser]!)" }, allowed: [.administrator], fields: ["status": "active"])),
        ("reset an unknown user's password", Route(method: .post, path: { _ in "/admin/users/999/password" }, allowed: [.administrator],
                                                   hidden: [.administrator])),
        ("your password", Route(method: .get, path: { _ in "/account/password" }, allowed: Set(Role.allCases))),
        ("change your password", Route(method: .post, path: { _ in "/account/password" }, allowed: Set(Role.allCases), fields: ["current": ""])),
        ("record on my school's roll", Route(method: .get, path: { "/people/\($0.onCaseload)" }, allowed: lookers.union([.careersLeader]))),
        ("record at another school", Route(method: .get, path: { "/people/\($0.elsewhere)" }, allowed: lookers, hidden: [.careersLeader])),
        ("search", Route(method: .get, path: { _ in "/search?q=okafor" }, allowed: lookers.union([.careersLeader]))),
        ("queues", Route(method: .get, path: { _ in "/queues" }, allowed: [.dataManager, .trackingOfficer, .manager])),
        ("assign from a queue", Route(method: .post, path: { _ in "/queues/assign" }, allowed: [.dataManager, .trackingOfficer, .manager])),
        ("campaigns", Route(method: .get, path: { _ in "/campaigns" }, allowed: trackers)),
        ("campaign form", Route(method: .get, path: { _ in "/campaigns/new?queue=not-known" }, allowed: actors)),
        ("draft a campaign", Route(method: .post, path: { _ in "/campaigns" }, allowed: actors, fields: ["channel": "sms"])),
        ("send an unknown campaign", Route(method: .post, path: { _ in "/campaigns/999/send" }, allowed: actors, hidden: actors)),
        ("an unknown campaign report", Route(method: .get, path: { _ in "/campaigns/999/report" }, allowed: trackers, hidden: trackers)),
        ("answers to verify", Route(method: .get, path: { _ in "/answers" }, allowed: trackers)),
        ("verify an unknown answer", Route(method: .post, path: { _ in "/answers/999/verify" }, allowed: actors, hidden: actors)),
        ("imports", Route(method: .get, path: { _ in "/imports" }, allowed: [.dataManager, .trackingOfficer])),
        ("exceptions", Route(method: .get, path: { _ in "/exceptions" }, allowed: [.dataManager, .trackingOfficer])),
        ("scan for duplicates", Route(method: .post, path: { _ in "/exceptions/scan" }, allowed: [.dataManager, .trackingOfficer])),
        ("an unknown exception", Route(method: .get, path: { _ in "/exceptions/999" }, allowed: [.dataManager, .trackingOfficer],
                                       hidden: [.dataManager, .trackingOfficer])),
        ("link an unknown exception", Route(method: .post, path: { _ in "/exceptions/999/link" }, allowed: [.dataManager, .trackingOfficer],
                                            hidden: [.dataManager, .trackingOfficer])),
        ("undo an unknown merge", Route(method: .post, path: { _ in "/merges/999/undo" }, allowed: [.dataManager, .trackingOfficer],
                                        hidden: [.dataManager, .trackingOfficer])),
        ("my work list", Route(method: .get, path: { _ in "/my-work/new" }, allowed: [.personalAdviser])),
        ("an adviser's caseload", Route(method: .get, path: { "/team/\($0.users[.personalAdviser]!)" }, allowed: [.manager])),
        ("contact form, own caseload", Route(method: .get, path: { "/people/\($0.onCaseload)/contacts/new" }, allowed: changers)),
        ("record a contact, own caseload", Route(method: .post, path: { "/people/\($0.onCaseload)/contacts" }, allowed: changers)),
        ("record a contact, not on the caseload", Route(method: .post, path: { "/people/\($0.elsewhere)/contacts" },
                                                        allowed: [.dataManager, .trackingOfficer], hidden: [.careersLeader])),
        ("update the activity", Route(method: .post, path: { "/people/\($0.onCaseload)/activity" }, allowed: changers)),
        ("details page", Route(method: .get, path: { "/people/\($0.onCaseload)/details" }, allowed: changers)),
        ("add an address", Route(method: .post, path: { "/people/\($0.onCaseload)/addresses" }, allowed: changers)),
        ("add a follow-up", Route(method: .post, path: { "/people/\($0.onCaseload)/follow-ups" }, allowed: changers)),
        ("book an appointment", Route(method: .post, path: { "/people/\($0.onCaseload)/appointments" }, allowed: changers)),
        ("assign an adviser", Route(method: .get, path: { "/people/\($0.elsewhere)/caseload" }, allowed: [.dataManager, .manager], hidden: [.careersLeader])),
        ("save an assignment", Route(method: .post, path: { "/people/\($0.onCaseload)/caseload" }, allowed: [.dataManager, .manager], fields: ["tier": "9"])),
    ]

    /// Who records tracking work: verifying answers, sending campaigns (managers only look).
    static let actors: Set<Role> = [.dataManager, .trackingOfficer]
    /// Who works the tracking queues and their campaigns.
    static let trackers: Set<Role> = [.dataManager, .trackingOfficer, .manager]

    /// Who may change the record of a young person on the adviser's caseload.
    static let changers: Set<Role> = [.dataManager, .trackingOfficer, .personalAdviser]

    @Test(arguments: TestDatabases.engines)
    func everyRouteAsEveryRoleAndSignedOut(_ engine: DatabaseEngine) async throws {
        try await AccessFixture.run(engine) { client, _, fixture in
            var sessions: [Role: (cookies: [String: String], csrf: String)] = [:]
            for role in Role.allCases {
                let (_, cookies) = try await client.signIn(email: AccessFixture.email(role))
                let home = try await client.get("/", cookies: cookies)
                sessions[role] = (cookies, try #require(home.csrfField, "\(role) has a CSRF token on the home page"))
            }
            for (name, route) in Self.routes {
                for role in Role.allCases {
                    let session = try #require(sessions[role])
                    let outcome = try await Self.attempt(route, fixture: fixture, client: client, cookies: session.cookies, csrf: session.csrf)
                    let expected: Outcome = route.hidden.contains(role) ? .notFound : (route.allowed.contains(role) ? .allowed : .denied)
                    #expect(outcome == expected, "\(name) as \(role.rawValue)")
                }
                let signedOut = try await Self.attempt(route, fixture: fixture, client: client, cookies: [:], csrf: nil)
                #expect(signedOut == (route.method == .get ? .signIn : .denied), "\(name) signed out")
            }
        }
    }

    @Test(arguments: TestDatabases.engines)
    func postsWithoutTheSessionsTokenAreRefusedAndChangeNothing(_ engine: DatabaseEngine) async throws {
        try await AccessFixture.run(engine) { client, store, fixture in
            let (_, cookies) = try await client.signIn(email: AccessFixture.email(.administrator))
            let before = try await UserQueries(store: store).count()
            let forged = try await client.form(
                "/admin/users", ["name": "Mallory", "email": "m@northmere.example", "role": "data-manager", "organisation": "1",
                                 "password": "long enough password", "csrf": "not-the-token"], cookies: cookies)
            #expect(forged.status == .forbidden)
            let missing = try await client.form("/admin/users/\(fixture.users[.manager]!)", ["status": "disabled"], cookies: cookies)
            #expect(missing.status == .forbidden)
            #expect(try await UserQueries(store: store).count() == before)
            #expect(try await UserQueries(store: store).user(id: fixture.users[.manager]!)?.disabled == false)
        }
    }

    @Test(arguments: TestDatabases.engines)
    func theNavigationOffersOnlyWhatTheRoleMayOpen(_ engine: DatabaseEngine) async throws {
        try await AccessFixture.run(engine) { client, _, _ in
            for role in Role.allCases {
                let (_, cookies) = try await client.signIn(email: AccessFixture.email(role))
                let home = try await client.get("/", cookies: cookies)
                let nav = try #require(home.text.firstRange(of: "<nav class=\"site-nav\"").map { String(home.text[$0.lowerBound...].prefix { $0 != "§" }) })
                let block = String(nav[..<(nav.range(of: "</nav>")?.lowerBound ?? nav.endIndex)])
                let links = block.matches(of: try Regex("href=\"([^\"]+)\"")).compactMap { $0.output[1].substring.map(String.init) }
                #expect(links.count >= 1, "\(role) has a navigation")
                for link in links {
                    #expect(try await client.get(link, cookies: cookies).status == .ok, "\(role.rawValue) is offered \(link)")
                }
                #expect(block.contains("action=\"/search\"") == (role != .administrator), "\(role.rawValue): search only for those who read records")
                #expect(links.contains("/returns") == (role == .dataManager))
            }
        }
    }

    static func attempt(_ route: Route, fixture: AccessFixture, client: any TestClientProtocol, cookies: [String: String], csrf: String?) async throws -> Outcome {
        let path = route.path(fixture)
        let response: TestResponse
        if route.method == .get {
            response = try await client.get(path, cookies: cookies)
        } else {
            var fields = route.fields
            if let csrf { fields["csrf"] = csrf }
            response = try await client.form(path, fields, cookies: cookies)
        }
        switch response.status {
        case .forbidden: return .denied
        case .notFound: return .notFound
        case .seeOther, .found:
            return response.headers[.location] == "/sign-in" ? .signIn : .allowed
        default: return .allowed
        }
    }
}
