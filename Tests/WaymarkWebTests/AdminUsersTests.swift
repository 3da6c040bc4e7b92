import Foundation
import Hummingbird
import HummingbirdTesting
import SQLKit
import Testing
import WaymarkApp
import WaymarkRecords
import WaymarkStore
import WaymarkTestSupport
@testable import WaymarkWeb

/// The administrator's users page: adding, changing roles, disabling, and the mistakes it refuses.
@Suite struct AdminUsersTests {
    static func signedInAdmin(_ client: any TestClientProtocol) async throws -> (cookies: [String: String], csrf: String) {
        let (_, cookies) = try await client.signIn(email: AccessFixture.email(.administrator))
        let page = try await client.get("/admin/users", cookies: cookies)
        return (cookies, try #require(page.csrfField))
    }

    @Test(arguments: TestDatabases.engines)
    func anAddedUserCanSignInWithTheirRole(_ engine: DatabaseEngine) async throws {
        try await AccessFixture.run(engine) { client, store, fixture in
            let (cookies, csrf) = try await Self.signedInAdmin(client)
            let laID = try await OrganisationQueries(store: store).resolve(nil)
            let added = try await client.form(
                "/admin/users", ["name": "Nadia Brooks", "email": "Nadia.Brooks@northmere.example", "role": "tracking-officer",
                                 "organisation": String(laID), "password": "a long first password", "csrf": csrf], cookies: cookies)
            #expect(added.status == .seeOther)
            let confirmed = try await client.get(try #require(added.headers[.location]), cookies: cookies)
            #expect(confirmed.text.contains("Account added for Nadia Brooks (nadia.brooks@northmere.example) as Tracking officer."),
                    "the administrator is told what was done")
            let user = try #require(try await UserQueries(store: store).user(email: "nadia.brooks@northmere.example"))
            #expect(user.role == .trackingOfficer && !user.disabled)
            let (signIn, _) = try await client.signIn(email: "nadia.brooks@northmere.example", password: "a long first password")
            #expect(signIn.status == .seeOther && signIn.headers[.location] == "/")
            let list = try await client.get("/admin/users", cookies: cookies)
            #expect(list.text.contains("Nadia Brooks"))
        }
    }

    @Test(arguments: TestDatabases.engines)
    func mistakesAreNamedAndNothingIsAdded(_ engine: DatabaseEngine) async throws {
        try await AccessFixture.run(engine) { client, store, fixture in
            let (cookies, csrf) = try await Self.signedInAdmin(client)
            let laID = try await OrganisationQueries(store: store).resolve(nil)
            let before = try await UserQueries(store: store).count()
            let cases: [([String: String], String)] = [
                (["name": "A", "email": "not-an-address", "role": "manager", "organisation": String(laID), "password": "long enough pw"], "#user-email"),
                (["name": "A", "email": "a@northmere.example", "role": "manager", "organisation": String(laID), "password": "short"], "#user-password"),
                (["name": "", "email": "a@northmere.example", "role": "manager", "organisation": String(laID), "password": "long enough pw"], "#user-name"),
                (["name": "A", "email": "a@northmere.example", "role": "emperor", "organisation": String(laID), "password": "long enough pw"], "#user-role"),
                (["name": "A", "email": "a@northmere.example", "role": "manager", "organisation": "99999", "password": "long enough pw"], "#user-organisation"),
                (["name": "A", "email": AccessFixture.email(.manager), "role": "manager", "organisation": String(laID), "password": "long enough pw"], "#user-email"),
                (["name": "A", "email": "a@northmere.example", "role": "careers-leader", "organisation": String(laID), "password": "long enough pw"], "#user-role"),
                (["name": String(repeating: "x", count: 5_000), "email": "a@northmere.example", "role": "manager", "organisation": String(laID), "password": "long enough pw"], "#user-name"),
            ]
            for (fields, anchor) in cases {
                var form = fields
                form["csrf"] = csrf
                let response = try await client.form("/admin/users", form, cookies: cookies)
                #expect(response.status == .unprocessableContent, "\(fields)")
                #expect(response.text.contains("There is a problem") && response.text.contains("href=\"\(anchor)\""), "\(fields) names \(anchor)")
            }
            #expect(try await UserQueries(store: store).count() == before)
        }
    }

    @Test(arguments: TestDatabases.engines)
    func disablingEndsTheSessionAndAnAdministratorCannotLockThemselvesOut(_ engine: DatabaseEngine) async throws {
        try await AccessFixture.run(engine) { client, store, fixture in
            let (cookies, csrf) = try await Self.signedInAdmin(client)
            let (_, managerCookies) = try await client.signIn(email: AccessFixture.email(.manager))
            #expect(try await client.get("/", cookies: managerCookies).status == .ok)
            let manager = try #require(fixture.users[.manager])
            let disabled = try await client.form("/admin/users/\(manager)", ["status": "disabled", "role": "manager", "csrf": csrf], cookies: cookies)
            #expect(disabled.status == .seeOther)
            let saved = try await client.get(try #require(disabled.headers[.location]), cookies: cookies)
            #expect(saved.text.contains("account saved: Manager, disabled (cannot sign in)."), "the change is said back")
            let after = try await client.get("/", cookies: managerCookies)
            #expect(after.status == .seeOther && after.headers[.location] == "/sign-in", "a disabled user's session ends at once")
            let (again, _) = try await client.signIn(email: AccessFixture.email(.manager))
            #expect(again.status != .seeOther, "a disabled user cannot sign in")
            let promoted = try await client.form("/admin/users/\(manager)", ["status": "active", "role": "data-manager", "csrf": csrf], cookies: cookies)
            #expect(promoted.status == .seeOther)
            #expect(try await UserQueries(store: store).user(id: manager)?.role == .dataManager)
            let own = try #require(fixture.users[.administrator])
            let selfDisable = try await client.form("/admin/users/\(own)", ["status": "disabled", "csrf": csrf], cookies: cookies)
            #expect(selfDisable.status == .badRequest)
            #expect(try await UserQueries(store: store).user(id: own)?.disabled == false)
            let unknownRole = try await client.form("/admin/users/\(manager)", ["role": "emperor", "csrf": csrf], cookies: cookies)
            #expect(unknownRole.status == .badRequest)
            let events = try await store.sql.raw(
                "SELECT COUNT(*) AS n FROM audit_event WHERE entity = 'app_user' AND entity_id = \(bind: manager) AND action = 'update'").first()
            #expect(try events?.decode(column: "n", as: Int.self) == 3, "disable, enable and role change are each audited")
        }
    }
}
