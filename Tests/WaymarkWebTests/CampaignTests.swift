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

/// Campaigns from a tracking queue: the rules decide who is contacted, the
/// send happens once, and calls, visits and letters land on the record.
@Suite struct CampaignTests {
    static let today = CalendarDate.today(from: WebTestHarness.now)

    static func total(_ store: Store, _ table: String) async throws -> Int {
        try await store.sql.raw("SELECT COUNT(*) AS n FROM \(unsafeRaw: table)").first()?.decode(column: "n", as: Int.self) ?? -1
    }

    /// Both fixture people are not known; give them what a campaign needs.
    static func reachable(_ store: Store, _ fixture: AccessFixture, flagElsewhere: Bool) async throws {
        try await store.change(by: .system("test"), at: WebTestHarness.now) { tx in
            for (person, number) in [(fixture.onCaseload, "07700900001"), (fixture.elsewhere, "07700900002")] {
                try await tx.addContactDetail(ContactDetailRecord(kind: .mobile, value: number, validFrom: try CalendarDate(iso: "2026-01-01")), for: person)
                try await tx.addAddress(
                    AddressRecord(lines: ["\(person) Mill Lane"], town: "Northmere", county: nil, postcode: person == fixture.onCaseload ? "NM1 2AB" : "NM4 7QT",
                                  ward: "Riverside", validFrom: try CalendarDate(iso: "2026-01-01")), for: person)
            }
            if flagElsewhere { try await tx.raiseFlag(.doNotContact, for: fixture.elsewhere, from: try CalendarDate(iso: "2026-10-01")) }
        }
    }

    static func draft(
        _ client: any TestClientProtocol, _ session: CaseworkTests.Session, channel: ContactChannel, body: String, once: String? = nil
    ) async throws -> TestResponse {
        var fields = ["name": "Autumn not known", "channel": channel.rawValue, "audience": "queue=not-known&days=30", "body": body,
                      "subject": "What are you doing?", "csrf": session.csrf]
        fields["once"] = once
        return try await client.form("/campaigns", fields, cookies: session.cookies)
    }

    @Test(arguments: TestDatabases.engines)
    func aDoubleClickOnStartDraftsOneCampaign(_ engine: DatabaseEngine) async throws {
        try await AccessFixture.run(engine) { client, store, fixture in
            let officer = try await CaseworkTests.session(client, .trackingOfficer)
            let page = try await client.get("/campaigns/new?queue=not-known&channel=sms", cookies: officer.cookies)
            let once = try #require(page.text.firstMatch(of: /name="once" value="([A-Za-z0-9_-]+)"/)?.1).description
            async let first = Self.draft(client, officer, channel: .sms, body: "Hi {{given_name}} {{link}}", once: once)
            async let second = Self.draft(client, officer, channel: .sms, body: "Hi {{given_name}} {{link}}", once: once)
            let (a, b) = try await (first, second)
            #expect(a.status == .seeOther && b.status == .seeOther)
            #expect(try await Self.total(store, "campaign") == 1, "two clicks at once draft one campaign")
        }
    }

    @Test(arguments: TestDatabases.engines)
    func aTextCampaignFollowsTheRulesAndIsSentOnce(_ engine: DatabaseEngine) async throws {
        try await AccessFixture.run(engine) { client, store, fixture in
            try await Self.reachable(store, fixture, flagElsewhere: true)
            let officer = try await CaseworkTests.session(client, .trackingOfficer)
            let form = try await client.get("/campaigns/new?queue=not-known&channel=sms", cookies: officer.cookies)
            #expect(form.status == .ok && form.text.contains("{{link}}"), "the suggested text carries the personal link")

            let misspelt = try await Self.draft(client, officer, channel: .sms, body: "Hi {{givne_name}} {{link}}")
            #expect(misspelt.status == .unprocessableContent && misspelt.text.contains("{{givne_name}}") && misspelt.text.contains("is not a merge field"))
            let tooLong = try await Self.draft(client, officer, channel: .sms, body: String(repeating: "x", count: 700))
            #expect(tooLong.status == .unprocessableContent && tooLong.text.contains("612 characters or fewer"))
            #expect(try await Self.total(store, "campaign") == 0, "nothing is kept from a refused form")

            let drafted = try await Self.draft(client, officer, channel: .sms, body: "Hi {{given_name}}, tell {{la_name}} what you do: {{link}}")
            #expect(drafted.status == .seeOther)
            let location = try #require(drafted.headers[.location])
            let preview = try await client.get(location, cookies: officer.cookies)
            #expect(preview.text.contains("<strong>1</strong> young people will be contacted"))
            #expect(preview.text.contains("the record says not to contact"), "the flagged young person is named as skipped, with why")
            #expect(preview.text.contains("Hi Amara, tell \(DemoAuthority.name) what you do"), "the preview shows the merged message")
            #expect(try await Self.total(store, "outbox_message") == 0, "checking sends nothing")

            let sent = try await client.form(location + "/send", ["csrf": officer.csrf], cookies: officer.cookies)
            #expect(sent.status == .seeOther)
            let messages = try await store.sql.select().column("*").from("outbox_message").all()
            #expect(messages.count == 1)
            let message = try #require(try await Outbox(store: store).message(try messages[0].decode(column: "id", as: Int64.self)))
            #expect(message.personID == fixture.onCaseload && message.recipient == "07700900001" && message.body.contains("{{link}}"))
            #expect(try await Self.total(store, "campaign_member") == 2, "the skipped young person is kept with the reason")
            let again = try await client.form(location + "/send", ["csrf": officer.csrf], cookies: officer.cookies)
            #expect(again.status == .conflict)
            #expect(try await Self.total(store, "outbox_message") == 1, "a second click sends nothing")

            let links = SelfServiceLinks(store: store, baseURL: "https://waymark.example")
            let personal = try await links.personalise(message, now: WebTestHarness.now)
            #expect(personal.body.hasPrefix("Hi Amara, tell") && personal.body.contains("https://waymark.example/s/") && !personal.body.contains("{{link}}"))
            let afterSend = try await client.get(location, cookies: officer.cookies)
            #expect(afterSend.text.contains("Waiting to send") && afterSend.text.contains("Not contacted: the record says not to contact"))
            // Nothing has gone: the page says what waits and why, never "contacted".
            #expect(afterSend.text.contains("1 young person in this campaign: 0 texts sent, 1 waiting to send."))
            #expect(afterSend.text.contains("Texts are not set up on this server"), "no gateway is configured in this test, and the page says so")
            #expect(!afterSend.text.contains(">Contacted<"))
        }
    }

    @Test(arguments: TestDatabases.engines)
    func aPhoneListRecordsEachCallInTwoClicks(_ engine: DatabaseEngine) async throws {
        try await AccessFixture.run(engine) { client, store, fixture in
            try await Self.reachable(store, fixture, flagElsewhere: false)
            let officer = try await CaseworkTests.session(client, .trackingOfficer)
            let location = try #require(try await Self.draft(client, officer, channel: .phone, body: "Ask {{given_name}} what they are doing").headers[.location])
            _ = try await client.form(location + "/send", ["csrf": officer.csrf], cookies: officer.cookies)
            #expect(try await Self.total(store, "outbox_message") == 0, "calls are made by people, not the outbox")
            let list = try await client.get(location, cookies: officer.cookies)
            #expect(list.text.contains("07700900001") && list.text.contains("No answer"))
            #expect(list.text.contains("young people to call: 0 called so far.") && list.text.contains("To call"))
            #expect(!list.text.contains("are not set up on this server"), "a phone list needs no gateway")
            let member = try #require(try await store.sql.select().column("id").from("campaign_member").where("person_id", .equal, fixture.onCaseload).first()?
                .decode(column: "id", as: Int64.self))
            let before = try await CaseworkTests.count(store, "contact", person: fixture.onCaseload)
            let bad = try await client.form("\(location)/members/\(member)/outcome", ["outcome": "shouted", "csrf": officer.csrf], cookies: officer.cookies)
            #expect(bad.status == .unprocessableContent)
            let recorded = try await client.form("\(location)/members/\(member)/outcome", ["outcome": "no-answer", "csrf": officer.csrf], cookies: officer.cookies)
            #expect(recorded.status == .seeOther)
            #expect(try await CaseworkTests.count(store, "contact", person: fixture.onCaseload) == before + 1)
            let contact = try #require(try await store.sql.select().columns("method", "outcome").from("contact")
                .where("person_id", .equal, fixture.onCaseload).orderBy("id", .descending).first())
            #expect(try contact.decode(column: "method", as: String.self) == "phone" && contact.decode(column: "outcome", as: String.self) == "No answer")
            let wrongCampaign = try await client.form("/campaigns/999/members/\(member)/outcome", ["outcome": "no-answer", "csrf": officer.csrf],
                                                      cookies: officer.cookies)
            #expect(wrongCampaign.status == .notFound)
            let pa = try await CaseworkTests.session(client, .personalAdviser)
            #expect(try await client.get(location, cookies: pa.cookies).status == .forbidden)
            // A manager oversees the list but neither records calls nor reads the numbers.
            let manager = try await CaseworkTests.session(client, .manager)
            let overseen = try await client.get(location, cookies: manager.cookies)
            #expect(overseen.status == .ok)
            #expect(!overseen.text.contains("07700900001") && overseen.text.contains("Restricted"))
            #expect(!overseen.text.contains("/outcome\""), "no outcome buttons for a manager")
            // The call list downloads as each of them sees it: the number for the officer, "Restricted" for the manager.
            let calls = try await client.get(location + "?format=csv", cookies: officer.cookies)
            let lines = calls.text.components(separatedBy: "\r\n").filter { !$0.isEmpty }
            #expect(lines.first == "\u{FEFF}Record number,Given name,Family name,Contact,State,Outcome")
            #expect(lines.contains("\(fixture.onCaseload),Amara,Okafor,07700900001,Called,No answer"), "\(lines)")
            let overseenCSV = try await client.get(location + "?format=csv", cookies: manager.cookies).text
            #expect(!overseenCSV.contains("07700900001") && overseenCSV.contains(",Restricted,"))
            let exports = try await store.sql.raw("SELECT COUNT(*) AS n FROM audit_event WHERE entity = 'campaign' AND detail LIKE 'export; format=csv; members;%'")
                .first()?.decode(column: "n", as: Int.self)
            #expect(exports == 2, "each download audited with the people on it")
            let byManager = try await client.form("\(location)/members/\(member)/outcome", ["outcome": "no-answer", "csrf": manager.csrf], cookies: manager.cookies)
            #expect(byManager.status == .forbidden)
            #expect(try await CaseworkTests.count(store, "contact", person: fixture.onCaseload) == before + 1)
        }
    }

    @Test(arguments: TestDatabases.engines)
    func lettersPrintOnePagePerYoungPersonWithTheirOwnLink(_ engine: DatabaseEngine) async throws {
        try await AccessFixture.run(engine) { client, store, fixture in
            try await Self.reachable(store, fixture, flagElsewhere: false)
            let officer = try await CaseworkTests.session(client, .trackingOfficer)
            let location = try #require(try await Self.draft(client, officer, channel: .letter, body: "Dear {{given_name}},\n\nPlease visit {{link}}").headers[.location])
            #expect(try await client.get(location + "/letters", cookies: officer.cookies).status == .notFound, "no letters before the campaign is sent")
            _ = try await client.form(location + "/send", ["csrf": officer.csrf], cookies: officer.cookies)
            let letters = try await client.get(location + "/letters", cookies: officer.cookies)
            #expect(letters.status == .ok)
            #expect(letters.text.components(separatedBy: "<article class=\"letter\"").count - 1 == 2)
            #expect(letters.text.contains("NM1 2AB") && letters.text.contains("Dear Amara") && letters.text.contains("http://127.0.0.1:8080/c/"))
            #expect(!letters.text.contains("/s/"), "no long link on paper: the short one stands for it")
            let links = letters.text.components(separatedBy: "8080/c/").dropFirst().map { String($0.prefix { $0 != "<" && $0 != "\n" && $0 != "\"" }) }
            #expect(Set(links).count == 2 && links.allSatisfy { $0.count == 8 }, "each letter has its own short link")
            #expect(letters.text.components(separatedBy: "role=\"img\"").count - 1 == 2, "each letter has a QR code")
            let contact = ServiceContact.demo
            #expect(letters.text.contains(contact.phone) && letters.text.contains(contact.returnAddress.last!), "the service's phone and address are printed")
            #expect(letters.text.contains("127.0.0.1:8080/code"), "the letter says where to type the code")
            // The printed link opens the young person's page, the same as the long link would have.
            let opened = try await client.get("/c/" + links[0])
            #expect(opened.status == .seeOther)
            let page = try await client.get(try #require(opened.headers[.location]))
            #expect(page.status == .ok && page.text.contains("Tell us what you are doing"))
            let method = try await store.sql.select().column("method").from("contact").where("person_id", .equal, fixture.elsewhere).first()?
                .decode(column: "method", as: String.self)
            #expect(method == "letter", "each printed letter is a contact on the record")
        }
    }
}
