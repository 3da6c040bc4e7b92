import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import SQLKit
import Testing
import WaymarkApp
import WaymarkCore
import WaymarkRecords
import WaymarkStore
import WaymarkTestSupport
@testable import WaymarkWeb

/// Break the glass and the data-protection pages through the router: who
/// may, the reason, what the worker, the adviser and the reviewer see.
@Suite struct BreakGlassPagesTests {
    static let reason = "Police called: missing since Friday, need to check health risks before the search"

    @Test(arguments: TestDatabases.engines)
    func aTrackingOfficerReadsWhatWillOpenThenBreaksTheGlassWithAReason(_ engine: DatabaseEngine) async throws {
        try await AccessFixture.run(engine) { client, store, fixture in
            let officer = try await CaseworkTests.session(client, .trackingOfficer)
            let path = "/people/\(fixture.onCaseload)/break-glass"

            let form = try await client.get(path, cookies: officer.cookies)
            #expect(form.status == .ok)
            for expected in ["Mental health", "Offending and youth justice", "Advisers&#39; notes", "for 4 hours", "Personal adviser user, Amara Okafor",
                             "audit trail", "name=\"reason\""] {
                #expect(form.text.contains(expected), "\(expected)")
            }

            let missing = try await client.form(path, ["reason": "  ", "csrf": officer.csrf], cookies: officer.cookies)
            #expect(missing.status == .unprocessableContent)
            #expect(missing.text.contains("error-summary") && missing.text.contains("href=\"#reason\""))
            #expect(missing.text.contains("Enter why you need the restricted information now"))
            let thin = try await client.form(path, ["reason": "urgent", "csrf": officer.csrf], cookies: officer.cookies)
            #expect(thin.status == .unprocessableContent && thin.text.contains("at least a sentence"))
            #expect(thin.text.contains(">urgent</textarea>"), "what was typed is kept")
            #expect(try await CaseworkTests.count(store, "break_glass_access", person: fixture.onCaseload) == 0)

            let opened = try await client.form(path, ["reason": Self.reason, "csrf": officer.csrf], cookies: officer.cookies)
            #expect(opened.status == .seeOther)
            let location = try #require(opened.headers[.location])
            #expect(location.hasPrefix(path + "?opened="))
            let confirmation = try await client.get(location, cookies: officer.cookies)
            #expect(confirmation.text.contains("Restricted information is open to you"))
            #expect(confirmation.text.contains("Personal adviser user, their personal adviser, has been told"))
            #expect(try await BreakGlassDesk(store: store).openedClasses(
                for: AccessGrant(user: try #require(try await UserQueries(store: store).user(id: fixture.users[.trackingOfficer]!)),
                                 scope: .authority(laCode: DemoAuthority.code)),
                person: fixture.onCaseload, at: WebTestHarness.now).contains(.mentalHealth))

            let record = try await client.get("/people/\(fixture.onCaseload)", cookies: officer.cookies)
            #expect(record.text.contains("Opened by breaking the glass:</strong> Mental health"))
            #expect(!record.text.contains("access-log"), "who has looked is for data managers")

            let adviser = try await CaseworkTests.session(client, .personalAdviser)
            let home = try await client.get("/", cookies: adviser.cookies)
            #expect(home.text.contains("Restricted information opened on your caseload"))
            #expect(home.text.contains("Tracking officer user (Tracking officer) broke the glass on <a href=\"/people/\(fixture.onCaseload)\">Amara Okafor</a>"))
            #expect(home.text.contains("Police called: missing since Friday"))
            let managerHome = try await client.get("/", cookies: try await CaseworkTests.session(client, .manager).cookies)
            #expect(!managerHome.text.contains("Restricted information opened"))
        }
    }

    @Test(arguments: TestDatabases.engines)
    func careersLeadersAndAdministratorsCannotBreakTheGlass(_ engine: DatabaseEngine) async throws {
        try await AccessFixture.run(engine) { client, store, fixture in
            for role in [Role.careersLeader, .administrator] {
                let session = try await CaseworkTests.session(client, role)
                let path = "/people/\(fixture.onCaseload)/break-glass"
                #expect(try await client.get(path, cookies: session.cookies).status == .forbidden, "\(role.rawValue)")
                let post = try await client.form(path, ["reason": Self.reason, "csrf": session.csrf], cookies: session.cookies)
                #expect(post.status == .forbidden, "\(role.rawValue)")
            }
            #expect(try await CaseworkTests.count(store, "break_glass_access", person: fixture.onCaseload) == 0)
        }
    }

    @Test(arguments: TestDatabases.engines)
    func dataManagersReviewEveryAccessAndOthersAreRefused(_ engine: DatabaseEngine) async throws {
        try await AccessFixture.run(engine) { client, store, fixture in
            let officer = try await CaseworkTests.session(client, .trackingOfficer)
            _ = try await client.form("/people/\(fixture.onCaseload)/break-glass", ["reason": Self.reason, "csrf": officer.csrf], cookies: officer.cookies)

            let manager = try await CaseworkTests.session(client, .dataManager)
            let review = try await client.get("/data-protection/break-glass", cookies: manager.cookies)
            #expect(review.status == .ok)
            for expected in ["Tracking officer user", "<a href=\"/people/\(fixture.onCaseload)\">\(fixture.onCaseload)</a>", "Police called: missing since Friday",
                             "Mental health", "Open until", "Personal adviser user"] {
                #expect(review.text.contains(expected), "\(expected)")
            }
            let record = try await client.get("/people/\(fixture.onCaseload)", cookies: manager.cookies)
            #expect(record.text.contains("<a href=\"/people/\(fixture.onCaseload)/access-log\">Who has looked at this record</a>"))
            let log = try await client.get("/people/\(fixture.onCaseload)/access-log", cookies: manager.cookies)
            #expect(log.status == .ok)
            #expect(log.text.contains("<td>break-glass</td>") && log.text.contains("Tracking officer user"))
            #expect(log.text.contains("reason-characters=\(Self.reason.count)") && !log.text.contains("Police called"), "the trail holds no reason text")
            #expect(try await client.get("/people/\(fixture.onCaseload)/access-log?before=abc", cookies: manager.cookies).status == .badRequest)
            #expect(try await client.get("/people/999999/access-log", cookies: manager.cookies).status == .notFound)

            for role in [Role.careersLeader, .administrator, .trackingOfficer, .personalAdviser, .manager] {
                let session = try await CaseworkTests.session(client, role)
                #expect(try await client.get("/data-protection/break-glass", cookies: session.cookies).status == .forbidden, "\(role.rawValue)")
                #expect(try await client.get("/people/\(fixture.onCaseload)/access-log", cookies: session.cookies).status == .forbidden, "\(role.rawValue)")
            }
            let views = try await store.sql.raw("SELECT entity, detail FROM audit_event WHERE action = 'view' AND entity IN ('break_glass_access', 'audit_event') ORDER BY id").all()
            let details = try views.map { try $0.decode(column: "detail", as: String.self) }
            #expect(details.count == 3, "\(details)")
            #expect(details.first?.hasPrefix("break-glass review; newest; ids=") == true, "each view is audited")
            #expect(details.dropFirst().first?.hasPrefix("access log; newest; ids=") == true)
            #expect(details.last == "notice; purpose=casework", "the adviser's home page showed them the notice")
        }
    }
}
