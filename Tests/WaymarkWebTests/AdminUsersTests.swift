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

    /// The link on the page an administrator sees once, as a path.
    static func invitationPath(_ page: TestResponse) throws -> String {
        let marker = "<code id=\"invitation-link\">"
        let start = try #require(page.text.range(of: marker), "the page shows the link").upperBound
        let link = String(page.text[start...].prefix { $0 != "<" })
        let path = try #require(link.range(of: "/invitation/"))
        return String(link[path.lowerBound...])
    }

    @Test(arguments: TestDatabases.engines)
    func anInvitedUserSetsTheirOwnPasswordAndSignsIn(_ engine: DatabaseEngine) async throws {
        try await AccessFixture.run(engine) { client, store, fixture in
            let (cookies, csrf) = try await Self.signedInAdmin(client)
            let laID = try await OrganisationQueries(store: store).resolve(nil)
            let added = try await client.form(
                "/admin/users", ["name": "Nadia Brooks", "email": "Nadia.Brooks@northmere.example", "role": "tracking-officer",
                                 "organisation": String(laID), "csrf": csrf], cookies: cookies)
            #expect(added.status == .ok)
            #expect(added.text.contains("Account added for Nadia Brooks (nadia.brooks@northmere.example) as Tracking officer."),
                    "the administrator is told what was done")
            #expect(added.text.contains("nothing has been sent to them") && !added.text.contains("e-mail with the link is queued"),
                    "no e-mail is claimed when none was queued")
            #expect(added.headers[.cacheControl] == "no-store")
            let path = try Self.invitationPath(added)
            let user = try #require(try await UserQueries(store: store).user(email: "nadia.brooks@northmere.example"))
            #expect(user.role == .trackingOfficer && !user.disabled)
            let (before, _) = try await client.signIn(email: "nadia.brooks@northmere.example", password: "!invited")
            #expect(before.status != .seeOther, "an invited account has no password anyone can sign in with")
            let list = try await client.get("/admin/users", cookies: cookies)
            #expect(list.text.contains("Invited — not yet accepted"))

            let opened = try await client.get(path)
            #expect(opened.status == .ok)
            #expect(opened.text.contains("Nadia Brooks") && opened.text.contains("Tracking officer"), "they see who the account is for")
            let preSession = try #require(opened.cookie(CSRFMiddleware.preSessionCookie))
            let visitor = [CSRFMiddleware.preSessionCookie: preSession]
            let short = try await client.form(path, ["new": "short", "confirm": "short", "csrf": preSession], cookies: visitor)
            #expect(short.status == .unprocessableContent && short.text.contains("at least 10 characters"))
            let differs = try await client.form(path, ["new": "a long first password", "confirm": "another one", "csrf": preSession], cookies: visitor)
            #expect(differs.status == .unprocessableContent && differs.text.contains("do not match"))
            let accepted = try await client.form(
                path, ["new": "a long first password", "confirm": "a long first password", "csrf": preSession], cookies: visitor)
            #expect(accepted.status == .ok && accepted.text.contains("Your password is set"))
            let (signIn, _) = try await client.signIn(email: "nadia.brooks@northmere.example", password: "a long first password")
            #expect(signIn.status == .seeOther && signIn.headers[.location] == "/", "signed in, with nothing more to change")

            let again = try await client.get(path)
            #expect(again.status == .notFound && again.text.contains("expired or is not valid"), "the link works once")
            let unknown = try await client.get("/invitation/" + String(repeating: "x", count: 43))
            #expect(unknown.text == again.text, "a used link and one that never existed read the same")
            let listAfter = try await client.get("/admin/users", cookies: cookies)
            #expect(!listAfter.text.contains("Invited — not yet accepted"))
            let details = try await store.sql.raw(
                "SELECT detail FROM audit_event WHERE entity = 'app_user' AND entity_id = \(bind: user.id) ORDER BY id").all(decodingColumn: "detail", as: String?.self)
            #expect(details.contains("invitation-issued") && details.contains("invitation-accepted"), "issuing and accepting are audited")
        }
    }

    @Test(arguments: TestDatabases.engines)
    func aNewLinkVoidsTheOldOneAndAnAcceptedAccountGetsNoMore(_ engine: DatabaseEngine) async throws {
        try await AccessFixture.run(engine) { client, store, fixture in
            let (cookies, csrf) = try await Self.signedInAdmin(client)
            let laID = try await OrganisationQueries(store: store).resolve(nil)
            let first = try Self.invitationPath(try await client.form(
                "/admin/users", ["name": "Omar Shah", "email": "omar.shah@northmere.example", "role": "manager",
                                 "organisation": String(laID), "csrf": csrf], cookies: cookies))
            let user = try #require(try await UserQueries(store: store).user(email: "omar.shah@northmere.example"))
            let reissued = try await client.form("/admin/users/\(user.id)/invitation", ["csrf": csrf], cookies: cookies)
            #expect(reissued.status == .ok && reissued.text.contains("Their earlier link no longer works"))
            let second = try Self.invitationPath(reissued)
            #expect(second != first)
            #expect(try await client.get(first).status == .notFound, "the old link is void")
            #expect(try await client.get(second).status == .ok)
            let opened = try await client.get(second)
            let preSession = try #require(opened.cookie(CSRFMiddleware.preSessionCookie))
            _ = try await client.form(second, ["new": "a long first password", "confirm": "a long first password", "csrf": preSession],
                                      cookies: [CSRFMiddleware.preSessionCookie: preSession])
            let refused = try await client.form("/admin/users/\(user.id)/invitation", ["csrf": csrf], cookies: cookies)
            #expect(refused.status == .badRequest, "someone with a password of their own is reset, not re-invited")
        }
    }

    @Test(arguments: TestDatabases.engines)
    func mistakesAreNamedAndNothingIsAdded(_ engine: DatabaseEngine) async throws {
        try await AccessFixture.run(engine) { client, store, fixture in
            let (cookies, csrf) = try await Self.signedInAdmin(client)
            let laID = try await OrganisationQueries(store: store).resolve(nil)
            let before = try await UserQueries(store: store).count()
            let cases: [([String: String], String)] = [
                (["name": "A", "email": "not-an-address", "role": "manager", "organisation": String(laID)], "#user-email"),
                (["name": "", "email": "a@northmere.example", "role": "manager", "organisation": String(laID)], "#user-name"),
                (["name": "A", "email": "a@northmere.example", "role": "emperor", "organisation": String(laID)], "#user-role"),
                (["name": "A", "email": "a@northmere.example", "role": "manager", "organisation": "99999"], "#user-organisation"),
                (["name": "A", "email": AccessFixture.email(.manager), "role": "manager", "organisation": String(laID)], "#user-email"),
                (["name": "A", "email": "a@northmere.example", "role": "careers-leader", "organisation": String(laID)], "#user-role"),
                (["name": String(repeating: "x", count: 5_000), "email": "a@northmere.example", "role": "manager", "organisation": String(laID)], "#user-name"),
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
