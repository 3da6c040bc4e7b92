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

/// Changing one's own password, an administrator's reset, and the forced change that follows it.
@Suite struct PasswordChangeTests {
    static let newPassword = "a brand new passphrase"

    static func changeForm(_ client: any TestClientProtocol, cookies: [String: String], current: String, new: String, confirm: String) async throws -> TestResponse {
        let page = try await client.get(Paths.password, cookies: cookies)
        let csrf = try #require(page.csrfField)
        return try await client.form(Paths.password, ["current": current, "new": new, "confirm": confirm, "csrf": csrf], cookies: cookies)
    }

    static func auditDetails(_ store: Store, userID: Int64) async throws -> [String] {
        try await store.sql.select().column("detail").from("audit_event")
            .where("entity", .equal, "app_user").where("entity_id", .equal, userID).where("action", .equal, "update")
            .orderBy("id").all(decodingColumn: "detail", as: String.self)
    }

    @Test(arguments: TestDatabases.engines)
    func mistakesAreNamedAndAChangeEndsTheOtherSessions(engine: DatabaseEngine) async throws {
        try await WebTestHarness.run(engine) { client, store in
            let (_, here) = try await client.signIn()
            let (_, elsewhere) = try await client.signIn()
            let cases: [(current: String, new: String, confirm: String, anchor: String)] = [
                ("", Self.newPassword, Self.newPassword, "#current-password"),
                (WebTestHarness.password, "short", "short", "#new-password"),
                (WebTestHarness.password, WebTestHarness.password, WebTestHarness.password, "#new-password"),
                (WebTestHarness.password, Self.newPassword, "something else entirely", "#confirm-password"),
                ("not my password at all", Self.newPassword, Self.newPassword, "#current-password"),
            ]
            for mistake in cases {
                let response = try await Self.changeForm(client, cookies: here, current: mistake.current, new: mistake.new, confirm: mistake.confirm)
                #expect(response.status == .unprocessableContent, "\(mistake.anchor)")
                #expect(response.text.contains("There is a problem") && response.text.contains("href=\"\(mistake.anchor)\""), "\(mistake.anchor)")
            }
            let user = try #require(try await UserQueries(store: store).user(email: WebTestHarness.email))
            let changed = try await Self.changeForm(client, cookies: here, current: WebTestHarness.password, new: Self.newPassword, confirm: Self.newPassword)
            #expect(changed.status == .seeOther && changed.headers[.location] == Paths.password + "?changed=1")
            #expect(try await client.get("/", cookies: here).status == .ok, "the session that changed it stays signed in")
            #expect(try await client.get("/", cookies: elsewhere).headers[.location] == "/sign-in", "every other session ends")
            #expect(try await client.signIn().response.status == .unauthorized, "the old password no longer works")
            #expect(try await client.signIn(password: Self.newPassword).response.status == .seeOther)
            #expect(try await Self.auditDetails(store, userID: user.id) == ["password-changed"])
        }
    }

    @Test(arguments: TestDatabases.engines)
    func aResetPasswordIsShownOnceAndMustBeChangedBeforeAnythingElse(engine: DatabaseEngine) async throws {
        try await AccessFixture.run(engine) { client, store, fixture in
            let manager = try #require(fixture.users[.manager])
            let (_, managerSession) = try await client.signIn(email: AccessFixture.email(.manager))
            let (admin, csrf) = try await AdminUsersTests.signedInAdmin(client)
            // when the administrator resets the manager's password
            let reset = try await client.form("/admin/users/\(manager)/password", ["csrf": csrf], cookies: admin)
            #expect(reset.status == .ok)
            let marker = try #require(reset.text.range(of: "id=\"temporary-password\">"))
            let temporary = String(reset.text[marker.upperBound...].prefix { $0 != "<" })
            #expect(temporary.count == 19)
            // then the manager's session has ended and their old password is gone
            #expect(try await client.get("/", cookies: managerSession).headers[.location] == "/sign-in")
            #expect(try await client.signIn(email: AccessFixture.email(.manager)).response.status == .unauthorized)
            // and signing in with the temporary one leads only to the change page
            let (signIn, cookies) = try await client.signIn(email: AccessFixture.email(.manager), password: temporary)
            #expect(signIn.headers[.location] == Paths.password)
            for path in ["/", "/search?q=Okafor", "/people/\(fixture.onCaseload)"] {
                let response = try await client.get(path, cookies: cookies)
                #expect(response.status == .seeOther && response.headers[.location] == Paths.password, "\(path)")
            }
            let page = try await client.get(Paths.password, cookies: cookies)
            #expect(page.status == .ok && page.text.contains("temporary password"))
            let changed = try await Self.changeForm(client, cookies: cookies, current: temporary, new: Self.newPassword, confirm: Self.newPassword)
            #expect(changed.status == .seeOther)
            #expect(try await client.get("/", cookies: cookies).status == .ok)
            #expect(try await UserQueries(store: store).user(id: manager)?.mustChangePassword == false)
            #expect(try await Self.auditDetails(store, userID: manager) == ["password-reset", "password-changed"])
            let resetBy = try await store.sql.select().column("actor_user_id").from("audit_event")
                .where("entity_id", .equal, manager).where("detail", .equal, "password-reset").first(decodingColumn: "actor_user_id", as: Int64.self)
            #expect(resetBy == fixture.users[.administrator])
        }
    }

    @Test(arguments: TestDatabases.engines)
    func onlyAdministratorsResetPasswordsAndNotTheirOwn(engine: DatabaseEngine) async throws {
        try await AccessFixture.run(engine) { client, store, fixture in
            let target = try #require(fixture.users[.personalAdviser])
            let before = try #require(try await UserQueries(store: store).user(id: target)).passwordHash
            for role in Role.allCases where role != .administrator && role != .personalAdviser {
                let (_, cookies) = try await client.signIn(email: AccessFixture.email(role))
                let csrf = try #require(try await client.get(Paths.password, cookies: cookies).csrfField)
                let response = try await client.form("/admin/users/\(target)/password", ["csrf": csrf], cookies: cookies)
                #expect(response.status == .forbidden, "\(role)")
            }
            let (admin, csrf) = try await AdminUsersTests.signedInAdmin(client)
            let own = try #require(fixture.users[.administrator])
            #expect(try await client.form("/admin/users/\(own)/password", ["csrf": csrf], cookies: admin).status == .badRequest)
            let after = try #require(try await UserQueries(store: store).user(id: target))
            #expect(after.passwordHash == before && !after.mustChangePassword)
            #expect(try await UserQueries(store: store).user(id: own)?.mustChangePassword == false)
        }
    }
}
