import Foundation
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

/// Doing the work on a record: each form saves in one audited transaction,
/// or comes back with its problems and saves nothing.
@Suite struct CaseworkTests {
    struct Session {
        let cookies: [String: String]
        let csrf: String
    }

    static func session(_ client: any TestClientProtocol, _ role: Role) async throws -> Session {
        let (_, cookies) = try await client.signIn(email: AccessFixture.email(role))
        return Session(cookies: cookies, csrf: try #require(try await client.get("/", cookies: cookies).csrfField))
    }

    static func count(_ store: Store, _ table: String, person: Int64) async throws -> Int {
        try await store.sql.raw("SELECT COUNT(*) AS n FROM \(unsafeRaw: table) WHERE person_id = \(bind: person)").first()?
            .decode(column: "n", as: Int.self) ?? -1
    }

    static func audits(_ store: Store, _ entity: String, person: Int64) async throws -> Int {
        try await store.sql.raw("SELECT COUNT(*) AS n FROM audit_event WHERE entity = \(bind: entity) AND person_id = \(bind: person) AND action = 'create'")
            .first()?.decode(column: "n", as: Int.self) ?? -1
    }

    @Test(arguments: TestDatabases.engines)
    func anAdviserRecordsAContactWithAFollowUpOnTheirCaseload(_ engine: DatabaseEngine) async throws {
        try await AccessFixture.run(engine) { client, store, fixture in
            let pa = try await Self.session(client, .personalAdviser)
            let person = fixture.onCaseload
            let form = try await client.get("/people/\(person)/contacts/new", cookies: pa.cookies)
            #expect(form.status == .ok && form.text.contains("<h1>Record a contact</h1>"))
            let saved = try await client.form(
                "/people/\(person)/contacts",
                ["occurred-on": "2026-11-18", "method": "phone", "direction": "outbound", "outcome": "Spoke to young person",
                 "notes": "Interested in the bricklaying course", "next-step": "Send the college's open-day dates", "follow-up-on": "2026-11-30",
                 "csrf": pa.csrf], cookies: pa.cookies)
            #expect(saved.status == .seeOther && saved.headers[.location] == "/people/\(person)?saved=contact")
            #expect(try await Self.count(store, "contact", person: person) == 1)
            #expect(try await Self.count(store, "follow_up", person: person) == 1)
            #expect(try await Self.audits(store, "contact", person: person) == 1)
            #expect(try await Self.audits(store, "follow_up", person: person) == 1)
            let record = try await client.get("/people/\(person)?saved=contact", cookies: pa.cookies)
            #expect(record.text.contains("Contact recorded."))
            #expect(record.text.contains("Spoke to young person") && record.text.contains("Next step: Send the college"))
            #expect(record.text.contains("by Personal adviser user"), "the contact says who recorded it")
            #expect(record.text.contains("Due 30 November 2026"))
        }
    }

    /// Back then Save, or a double click, sends the form's one-time token again: the
    /// repeat is shown the first result and nothing is recorded twice.
    @Test(arguments: TestDatabases.engines)
    func aRepeatedSubmissionOfOneFormRecordsOneContact(_ engine: DatabaseEngine) async throws {
        try await AccessFixture.run(engine) { client, store, fixture in
            let pa = try await Self.session(client, .personalAdviser)
            let person = fixture.onCaseload
            let page = try await client.get("/people/\(person)/contacts/new", cookies: pa.cookies)
            let once = try #require(page.text.firstMatch(of: /name="once" value="([A-Za-z0-9_-]+)"/)?.1).description
            let fields = ["occurred-on": "2026-11-18", "method": "phone", "direction": "outbound", "outcome": "Spoke to young person", "once": once,
                          "csrf": pa.csrf]
            let first = try await client.form("/people/\(person)/contacts", fields, cookies: pa.cookies)
            let again = try await client.form("/people/\(person)/contacts", fields, cookies: pa.cookies)
            #expect(first.status == .seeOther && again.status == .seeOther)
            #expect(again.headers[.location] == first.headers[.location], "the repeat is shown the first result")
            #expect(try await Self.count(store, "contact", person: person) == 1)
            // A new page is a new form: the same contact entered again is recorded again.
            let next = try await client.get("/people/\(person)/contacts/new", cookies: pa.cookies)
            let nextOnce = try #require(next.text.firstMatch(of: /name="once" value="([A-Za-z0-9_-]+)"/)?.1).description
            #expect(nextOnce != once)
            _ = try await client.form("/people/\(person)/contacts", fields.merging(["once": nextOnce]) { $1 }, cookies: pa.cookies)
            #expect(try await Self.count(store, "contact", person: person) == 2)
            // A refused form keeps nothing, its token included: corrected, it is saved.
            let refused = try await client.form("/people/\(person)/contacts", fields.merging(["once": "fresh-token-0000000000000000", "outcome": ""]) { $1 },
                                                cookies: pa.cookies)
            #expect(refused.status == .unprocessableContent)
            _ = try await client.form("/people/\(person)/contacts", fields.merging(["once": "fresh-token-0000000000000000"]) { $1 }, cookies: pa.cookies)
            #expect(try await Self.count(store, "contact", person: person) == 3)
        }
    }

    @Test(arguments: TestDatabases.engines)
    func aContactWithProblemsNamesEachFieldAndSavesNothing(_ engine: DatabaseEngine) async throws {
        try await AccessFixture.run(engine) { client, store, fixture in
            let pa = try await Self.session(client, .personalAdviser)
            let person = fixture.onCaseload
            let response = try await client.form(
                "/people/\(person)/contacts",
                ["occurred-on": "2026-12-31", "method": "carrier-pigeon", "direction": "outbound", "outcome": "",
                 "notes": String(repeating: "n", count: 5_000), "follow-up-on": "31/02/2027", "csrf": pa.csrf], cookies: pa.cookies)
            #expect(response.status == .unprocessableContent)
            #expect(response.text.contains("There is a problem"))
            for field in ["occurred-on-day", "method", "outcome", "notes", "follow-up-on-day"] {
                #expect(response.text.contains("href=\"#\(field)\""), "the summary links to \(field)")
            }
            #expect(response.text.contains("cannot be in the future"))
            #expect(response.text.contains("4000 characters or fewer"))
            #expect(response.text.contains(String(repeating: "n", count: 5_000)), "what was typed is kept")
            #expect(try await Self.count(store, "contact", person: person) == 0)
            #expect(try await Self.count(store, "follow_up", person: person) == 0)
        }
    }

    @Test(arguments: TestDatabases.engines)
    func anActivityBreakingANationalRuleIsRefusedThenSavedWhenCorrected(_ engine: DatabaseEngine) async throws {
        try await AccessFixture.run(engine) { client, store, fixture in
            let officer = try await Self.session(client, .trackingOfficer)
            let person = fixture.onCaseload
            var fields = ["code": "540", "start-date": "2026-11-02", "date-ascertained": "2026-11-10", "csrf": officer.csrf]
            let refused = try await client.form("/people/\(person)/activity", fields, cookies: officer.cookies)
            #expect(refused.status == .unprocessableContent)
            #expect(refused.text.contains("href=\"#neet-start-date-day\""))
            #expect(refused.text.contains("NCCIS 224"), "the rule is named")
            #expect(refused.text.contains("name=\"start-date[day]\" type=\"text\" inputmode=\"numeric\" value=\"2\""), "entered values are kept")
            #expect(try await Self.count(store, "activity", person: person) == 0)
            fields["neet-start-date"] = "2026-11-02"
            fields["date-ascertained"] = "2026-11-01"
            let earlier = try await client.form("/people/\(person)/activity", fields, cookies: officer.cookies)
            #expect(earlier.text.contains("NCCIS 242") && earlier.text.contains("href=\"#date-ascertained-day\""))
            fields["date-ascertained"] = "2026-11-10"
            let saved = try await client.form("/people/\(person)/activity", fields, cookies: officer.cookies)
            #expect(saved.status == .seeOther)
            #expect(try await Self.count(store, "activity", person: person) == 1)
            #expect(try await Self.audits(store, "activity", person: person) == 1)
            let record = try await client.get("/people/\(person)", cookies: officer.cookies)
            #expect(record.text.contains("540 – "), "the new activity is on the record")
            #expect(record.text.contains("2 November 2026 – now"), "and on the timeline")
            let unknown = try await client.form("/people/\(person)/activity", ["code": "999", "start-date": "2026-11-02", "date-ascertained": "2026-11-10", "csrf": officer.csrf], cookies: officer.cookies)
            #expect(unknown.status == .unprocessableContent && unknown.text.contains("NCCIS 201"))
            #expect(try await Self.count(store, "activity", person: person) == 1)
        }
    }

    @Test(arguments: TestDatabases.engines)
    func whoMayChangeWhichRecord(_ engine: DatabaseEngine) async throws {
        try await AccessFixture.run(engine) { client, store, fixture in
            let contact = ["occurred-on": "2026-11-18", "method": "phone", "direction": "outbound", "outcome": "No answer"]
            func post(_ role: Role, _ person: Int64) async throws -> HTTPResponse.Status {
                let session = try await Self.session(client, role)
                var fields = contact
                fields["csrf"] = session.csrf
                return try await client.form("/people/\(person)/contacts", fields, cookies: session.cookies).status
            }
            #expect(try await post(.personalAdviser, fixture.onCaseload) == .seeOther, "an adviser changes their own caseload")
            #expect(try await post(.personalAdviser, fixture.elsewhere) == .forbidden, "but only reads the rest")
            #expect(try await post(.trackingOfficer, fixture.elsewhere) == .seeOther)
            #expect(try await post(.manager, fixture.onCaseload) == .forbidden)
            #expect(try await post(.careersLeader, fixture.onCaseload) == .forbidden)
            #expect(try await post(.careersLeader, fixture.elsewhere) == .notFound, "outside their school the record does not exist for them")
            #expect(try await post(.trackingOfficer, 987_654) == .notFound)
            let forbidden = try await client.get("/people/\(fixture.elsewhere)/contacts/new", cookies: try await Self.session(client, .personalAdviser).cookies)
            #expect(forbidden.status == .forbidden && forbidden.text.contains("not on your caseload"))
            let noToken = try await client.form("/people/\(fixture.onCaseload)/contacts", contact, cookies: try await Self.session(client, .trackingOfficer).cookies)
            #expect(noToken.status == .forbidden)
            #expect(try await Self.count(store, "contact", person: fixture.onCaseload) == 1)
            #expect(try await Self.count(store, "contact", person: fixture.elsewhere) == 1)
        }
    }

    @Test(arguments: TestDatabases.engines)
    func followUpsAreCompletedOnlyOnTheirOwnRecord(_ engine: DatabaseEngine) async throws {
        try await AccessFixture.run(engine) { client, store, fixture in
            let officer = try await Self.session(client, .trackingOfficer)
            let mine = try await client.form("/people/\(fixture.onCaseload)/follow-ups", ["due-on": "2026-12-01", "description": "Chase the CV", "csrf": officer.csrf], cookies: officer.cookies)
            #expect(mine.status == .seeOther)
            let past = try await client.form("/people/\(fixture.onCaseload)/follow-ups", ["due-on": "2020-01-01", "description": "Too late", "csrf": officer.csrf], cookies: officer.cookies)
            #expect(past.status == .unprocessableContent)
            let followUp = try #require(try await CaseworkQueries(store: store).openFollowUps(of: fixture.onCaseload).first)
            let forged = try await client.form("/people/\(fixture.elsewhere)/follow-ups/\(followUp.id)/done", ["csrf": officer.csrf], cookies: officer.cookies)
            #expect(forged.status == .notFound, "a follow-up id under another person's record is not found")
            #expect(try await CaseworkQueries(store: store).openFollowUps(of: fixture.onCaseload).count == 1)
            let done = try await client.form("/people/\(fixture.onCaseload)/follow-ups/\(followUp.id)/done", ["csrf": officer.csrf], cookies: officer.cookies)
            #expect(done.status == .seeOther)
            #expect(try await CaseworkQueries(store: store).openFollowUps(of: fixture.onCaseload).isEmpty)
            let again = try await client.form("/people/\(fixture.onCaseload)/follow-ups/\(followUp.id)/done", ["csrf": officer.csrf], cookies: officer.cookies)
            #expect(again.status == .notFound, "a done follow-up cannot be done twice")
        }
    }

    @Test(arguments: TestDatabases.engines)
    func aManagerAssignsAnAdviserTierAndLevelOfNeed(_ engine: DatabaseEngine) async throws {
        try await AccessFixture.run(engine) { client, store, fixture in
            let manager = try await Self.session(client, .manager)
            let adviser = try #require(fixture.users[.personalAdviser])
            let person = fixture.elsewhere
            #expect(try await client.get("/people/\(person)/caseload", cookies: manager.cookies).status == .ok)
            let bad = try await client.form("/people/\(person)/caseload", ["adviser": String(fixture.users[.manager]!), "tier": "2", "csrf": manager.csrf], cookies: manager.cookies)
            #expect(bad.status == .unprocessableContent && bad.text.contains("href=\"#adviser\""), "only personal advisers can hold a caseload")
            let saved = try await client.form("/people/\(person)/caseload", ["adviser": String(adviser), "tier": "3", "level-of-need": "1", "csrf": manager.csrf], cookies: manager.cookies)
            #expect(saved.status == .seeOther)
            let placement = try #require(try await CaseloadLookup(store: store).placement(of: person, in: .authority(laCode: "990")))
            #expect(placement.adviserID == adviser && placement.tier == 3)
            #expect(try await Self.count(store, "need_assessment", person: person) == 1)
            let pa = try await Self.session(client, .personalAdviser)
            #expect(try await client.get("/people/\(person)/caseload", cookies: pa.cookies).status == .forbidden)
            let now = try await client.form("/people/\(person)/contacts", ["occurred-on": "2026-11-18", "method": "sms", "direction": "outbound", "outcome": "Sent a text", "csrf": pa.csrf], cookies: pa.cookies)
            #expect(now.status == .seeOther, "once assigned, the adviser can change the record")
        }
    }
}
