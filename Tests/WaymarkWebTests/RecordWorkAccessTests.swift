import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
import WaymarkApp
import WaymarkCore
import WaymarkRecords
import WaymarkStore
import WaymarkTestSupport
@testable import WaymarkWeb

/// Who may do the work on which record, and what forged or malformed posts
/// get: a 403 or 404 with a reason, or a 422 naming the field, and nothing saved.
@Suite struct RecordWorkAccessTests {
    /// A route and who may use it; `hidden` roles get the same 404 as an unknown id.
    struct Route: Sendable {
        let method: HTTPRequest.Method
        let path: @Sendable (AccessFixture) -> String
        let allowed: Set<Role>
        var hidden: Set<Role> = []
    }

    /// Every form of the record's work; posts are sent empty, so "allowed" is a 422 and nothing is saved.
    static let routes: [(String, @Sendable (Int64) -> String, HTTPRequest.Method)] = [
        ("contact form", { "/people/\($0)/contacts/new" }, .get),
        ("save a contact", { "/people/\($0)/contacts" }, .post),
        ("activity form", { "/people/\($0)/activity/new" }, .get),
        ("save an activity", { "/people/\($0)/activity" }, .post),
        ("follow-up form", { "/people/\($0)/follow-ups/new" }, .get),
        ("add a follow-up", { "/people/\($0)/follow-ups" }, .post),
        ("appointment form", { "/people/\($0)/appointments/new" }, .get),
        ("book an appointment", { "/people/\($0)/appointments" }, .post),
        ("details page", { "/people/\($0)/details" }, .get),
    ]

    static let changers: Set<Role> = [.dataManager, .trackingOfficer]

    @Test(arguments: TestDatabases.engines)
    func everyFormAsEveryRoleOnAndOffTheAdvisersCaseload(_ engine: DatabaseEngine) async throws {
        try await AccessFixture.run(engine) { client, store, fixture in
            var sessions: [Role: CaseworkTests.Session] = [:]
            for role in Role.allCases { sessions[role] = try await CaseworkTests.session(client, role) }
            for (name, path, method) in Self.routes {
                try await Self.check(name, Route(method: method, path: { path($0.onCaseload) }, allowed: Self.changers.union([.personalAdviser])), client, fixture, sessions)
                try await Self.check(name, Route(method: method, path: { path($0.elsewhere) }, allowed: Self.changers, hidden: [.careersLeader]), client, fixture, sessions)
            }
            for person in [fixture.onCaseload, fixture.elsewhere] {
                #expect(try await RecordWorkTests.rows(store, person: person) == ["contact": 0, "follow_up": 0, "appointment": 0, "activity": 0])
            }
        }
    }

    /// One route as every role and signed out.
    static func check(
        _ name: String, _ route: Route, _ client: any TestClientProtocol, _ fixture: AccessFixture, _ sessions: [Role: CaseworkTests.Session]
    ) async throws {
        let path = route.path(fixture)
        let entry = PermissionMatrixTests.Case(path: route.path, expected: PermissionMatrixTests.signedInOnly)
        for role in Role.allCases {
            let session = try #require(sessions[role])
            let outcome = try await PermissionMatrixTests.attempt(
                route.method, entry, fixture: fixture, client: client, session: .init(cookies: session.cookies, csrf: session.csrf))
            let expected: PermissionMatrixTests.Outcome = route.hidden.contains(role) ? .hidden : route.allowed.contains(role) ? .yes : .no
            #expect(outcome == expected, "\(name) \(path) as \(role.rawValue)")
        }
        let signedOut = try await PermissionMatrixTests.attempt(route.method, entry, fixture: fixture, client: client, session: .init(cookies: [:], csrf: nil))
        #expect(signedOut == (route.method == .get ? .signIn : .no), "\(name) \(path) signed out")
    }

    @Test(arguments: TestDatabases.engines)
    func refusalsSayWhy(_ engine: DatabaseEngine) async throws {
        try await AccessFixture.run(engine) { client, store, fixture in
            let pa = try await CaseworkTests.session(client, .personalAdviser)
            let booking = ["appointment-on": "2026-11-25", "appointment-at": "10:00", "csrf": pa.csrf]
            let notMine = try await client.form("/people/\(fixture.elsewhere)/appointments", booking, cookies: pa.cookies)
            #expect(notMine.status == .forbidden && notMine.text.contains("not on your caseload"))
            let manager = try await CaseworkTests.session(client, .manager)
            let managerTry = try await client.form("/people/\(fixture.onCaseload)/follow-ups", ["due-on": "2026-12-01", "description": "x", "csrf": manager.csrf], cookies: manager.cookies)
            #expect(managerTry.status == .forbidden && managerTry.text.contains("can read this record but not change it"))
            let leader = try await CaseworkTests.session(client, .careersLeader)
            let leaderTry = try await client.get("/people/\(fixture.onCaseload)/appointments/new", cookies: leader.cookies)
            #expect(leaderTry.status == .forbidden && leaderTry.text.contains("Careers leader"))
            for path in ["/people/987654/appointments/new", "/people/abc/follow-ups/new", "/people/-1/appointments/new"] {
                let missing = try await client.get(path, cookies: pa.cookies)
                #expect(missing.status == .notFound && missing.text.contains("no young person with that id"), "\(path)")
            }
            let noToken = try await client.form("/people/\(fixture.onCaseload)/appointments", booking.filter { $0.key != "csrf" }, cookies: pa.cookies)
            #expect(noToken.status == .forbidden && noToken.text.contains("did not come from Waymark"))
            let wrongToken = try await client.form("/people/\(fixture.onCaseload)/appointments", booking.merging(["csrf": "forged"]) { $1 }, cookies: pa.cookies)
            #expect(wrongToken.status == .forbidden)
            #expect(try await RecordWorkTests.rows(store, person: fixture.onCaseload)["appointment"] == 0)
            #expect(try await RecordWorkTests.rows(store, person: fixture.elsewhere)["appointment"] == 0)
        }
    }

    @Test(arguments: TestDatabases.engines)
    func anotherPersonsAppointmentOrFollowUpIsNotFound(_ engine: DatabaseEngine) async throws {
        try await AccessFixture.run(engine) { client, store, fixture in
            let officer = try await CaseworkTests.session(client, .trackingOfficer)
            let (appointment, followUp) = try await store.change(by: .system("test"), at: WebTestHarness.now) { tx in
                (try await tx.bookAppointment(NewAppointment(startsAt: WebTestHarness.now - 3_600, place: nil, userID: fixture.users[.personalAdviser]!), for: fixture.elsewhere),
                 try await tx.addFollowUp(NewFollowUp(dueOn: try CalendarDate(iso: "2026-12-01"), description: "Call", assignedUserID: nil), for: fixture.elsewhere))
            }
            // The ids are real, but under the wrong young person.
            let forgedAppointment = try await client.form("/people/\(fixture.onCaseload)/appointments/\(appointment)", ["status": "missed", "csrf": officer.csrf], cookies: officer.cookies)
            #expect(forgedAppointment.status == .notFound && forgedAppointment.text.contains("is not on this young person"))
            let forgedFollowUp = try await client.form("/people/\(fixture.onCaseload)/follow-ups/\(followUp)/done", ["csrf": officer.csrf], cookies: officer.cookies)
            #expect(forgedFollowUp.status == .notFound)
            let nonsense = try await client.form("/people/\(fixture.onCaseload)/appointments/99999999999999999999", ["status": "missed", "csrf": officer.csrf], cookies: officer.cookies)
            #expect(nonsense.status == .notFound)
            #expect(try await CaseworkQueries(store: store).appointments(of: fixture.elsewhere).first?.status == "booked")
            #expect(try await CaseworkQueries(store: store).openFollowUps(of: fixture.elsewhere).count == 1)
            #expect(try await RecordWorkTests.audits(store, "appointment", "update", person: fixture.elsewhere) == 0)
        }
    }

    @Test(arguments: TestDatabases.engines)
    func aFieldSentTwiceIsNamedNotGuessed(_ engine: DatabaseEngine) async throws {
        try await AccessFixture.run(engine) { client, store, fixture in
            let person = fixture.onCaseload
            let posts = [
                ("contacts", "occurred-on=2026-11-17&method=phone&direction=outbound&outcome=Spoke&outcome=No+answer", "outcome"),
                ("activity", "code=230&code=540&start-date=2026-09-07&date-ascertained=2026-11-10", "code"),
                ("follow-ups", "due-on=2026-12-01&description=Call&due-on=2026-12-02", "due-on"),
                ("appointments", "appointment-on=2026-11-25&appointment-at=10:00&appointment-at=11:00", "appointment-at"),
                ("caseload", "tier=1&tier=2", "tier"),
            ]
            for (form, fields, field) in posts {
                let role: Role = form == "caseload" ? .manager : .personalAdviser
                let session = try await CaseworkTests.session(client, role)
                var headers = HTTPFields()
                headers[.contentType] = "application/x-www-form-urlencoded"
                headers[.cookie] = session.cookies.map { "\($0.key)=\($0.value)" }.sorted().joined(separator: "; ")
                let response = try await client.execute(
                    uri: "/people/\(person)/\(form)", method: .post, headers: headers, body: ByteBuffer(string: "csrf=\(session.csrf)&" + fields))
                #expect(response.status == .unprocessableContent, "\(form)")
                // The form's own page, its error summary linking to the field, never a guess between the two values.
                let words = field.replacingOccurrences(of: "-", with: " ")
                #expect(response.text.contains("The \(words) was sent more than once"), "\(form) names \(field)")
                #expect(response.text.contains("There is a problem"), "\(form) comes back with an error summary")
            }
            #expect(try await RecordWorkTests.rows(store, person: person) == ["contact": 0, "follow_up": 0, "appointment": 0, "activity": 0])
        }
    }

    @Test(arguments: TestDatabases.engines)
    func theRecordOffersOnlyTheWorkTheUserMayDo(_ engine: DatabaseEngine) async throws {
        try await AccessFixture.run(engine) { client, _, fixture in
            let links = ["/contacts/new", "/activity/new", "/follow-ups/new", "/appointments/new", "/details"]
            func page(_ role: Role, _ person: Int64) async throws -> String {
                let session = try await CaseworkTests.session(client, role)
                let response = try await client.get("/people/\(person)", cookies: session.cookies)
                #expect(response.status == .ok)
                #expect(response.body.readableBytes < 300_000, "the record stays light")
                return response.text
            }
            let own = try await page(.personalAdviser, fixture.onCaseload)
            for link in links { #expect(own.contains("href=\"/people/\(fixture.onCaseload)\(link)\""), "an adviser is offered \(link) on their caseload") }
            #expect(!own.contains("/caseload\""), "but not the assignment form")
            #expect(own.contains("<dt>Personal adviser</dt><dd>Personal adviser user</dd>"))
            #expect(own.contains("<dt>Tier</dt><dd>\(CaseloadTier.targeted.meaning)</dd>"))
            let other = try await page(.personalAdviser, fixture.elsewhere)
            for link in links { #expect(!other.contains("\(fixture.elsewhere)\(link)\""), "nothing to change on another adviser's record: \(link)") }
            #expect(!other.contains("Mark done"))
            let manager = try await page(.manager, fixture.onCaseload)
            #expect(manager.contains("href=\"/people/\(fixture.onCaseload)/caseload\""))
            #expect(!manager.contains("/contacts/new"))
            let officer = try await page(.trackingOfficer, fixture.elsewhere)
            for link in links { #expect(officer.contains("href=\"/people/\(fixture.elsewhere)\(link)\"")) }
        }
    }
}
