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

/// The young person's page behind the link, and the officer's one-click verify.
@Suite struct SelfServiceTests {
    /// Sends a text campaign to the not known and returns the link path the first message carries.
    static func sentLink(_ client: any TestClientProtocol, _ store: Store, _ fixture: AccessFixture) async throws -> (path: String, officer: CaseworkTests.Session) {
        try await CampaignTests.reachable(store, fixture, flagElsewhere: true)
        let officer = try await CaseworkTests.session(client, .trackingOfficer)
        let location = try #require(try await CampaignTests.draft(client, officer, channel: .sms, body: "Hi {{given_name}} {{link}}").headers[.location])
        _ = try await client.form(location + "/send", ["csrf": officer.csrf], cookies: officer.cookies)
        let id = try #require(try await store.sql.select().column("id").from("outbox_message").first()?.decode(column: "id", as: Int64.self))
        let message = try #require(try await Outbox(store: store).message(id))
        let body = try await SelfServiceLinks(store: store, baseURL: "").personalise(message, now: WebTestHarness.now).body
        let path = try #require(body.split(separator: " ").last.map(String.init))
        #expect(path.hasPrefix("/s/"))
        return (path, officer)
    }

    static func answerCount(_ store: Store) async throws -> Int { try await CampaignTests.total(store, "self_service_answer") }

    @Test(arguments: TestDatabases.engines)
    func aYoungPersonAnswersOnceAndAnOfficerVerifiesInOneClick(_ engine: DatabaseEngine) async throws {
        try await AccessFixture.run(engine) { client, store, fixture in
            let (path, officer) = try await Self.sentLink(client, store, fixture)
            let page = try await client.get(path)
            #expect(page.status == .ok && page.text.contains("Tell us what you are doing"))
            #expect(!page.text.contains("Amara") && !page.text.contains("Okafor") && !page.text.contains("07700900001"), "the link shows nothing from the record")
            let csrf = try #require(page.cookie(CSRFMiddleware.preSessionCookie))
            let cookies = [CSRFMiddleware.preSessionCookie: csrf]

            let tooLong = try await client.form(path, ["csrf": csrf, "choice": "college", "place": String(repeating: "a", count: 5_000)], cookies: cookies)
            #expect(tooLong.status == .unprocessableContent && tooLong.text.contains("Where must be 120 characters or fewer"))
            let badDetails = try await client.form(
                path, ["csrf": csrf, "choice": "college", "phone": "12345", "email": "not-an-address", "since-month": "13", "since-year": "2026"], cookies: cookies)
            #expect(badDetails.status == .unprocessableContent)
            #expect(badDetails.text.contains("UK mobile number") && badDetails.text.contains("email address like") && badDetails.text.contains("from 1 to 12"))
            let noChoice = try await client.form(path, ["csrf": csrf], cookies: cookies)
            #expect(noChoice.status == .unprocessableContent && noChoice.text.contains("Choose what you are doing now"))
            #expect(try await Self.answerCount(store) == 0, "nothing is stored from a refused answer")

            let answered = try await client.form(
                path, ["csrf": csrf, "choice": "college", "place": "Northmere College", "since-month": "9", "since-year": "2026",
                       "phone": "07700 900123", "contact-by": "sms"], cookies: cookies)
            #expect(answered.status == .seeOther && answered.headers[.location] == path)
            #expect(try await client.get(path).text.contains("Thank you"))
            let twice = try await client.form(path, ["csrf": csrf, "choice": "university"], cookies: cookies)
            #expect(twice.status == .ok && twice.text.contains("Thank you"))
            #expect(try await Self.answerCount(store) == 1, "a link takes one answer")
            let inbound = try await store.sql.select().column("method").from("contact").where("person_id", .equal, fixture.onCaseload)
                .where("direction", .equal, "inbound").first()?.decode(column: "method", as: String.self)
            #expect(inbound == "online")

            let queueBefore = try await client.get("/queues?queue=not-known", cookies: officer.cookies)
            #expect(queueBefore.text.contains("href=\"/people/\(fixture.onCaseload)\""), "still not known until verified")
            let answers = try await client.get("/answers", cookies: officer.cookies)
            #expect(answers.text.contains("Studying at college") && answers.text.contains("230 – ") && answers.text.contains("Northmere College"))
            let answerID = try #require(try await store.sql.select().column("id").from("self_service_answer").first()?.decode(column: "id", as: Int64.self))
            let verified = try await client.form("/answers/\(answerID)/verify", ["csrf": officer.csrf], cookies: officer.cookies)
            #expect(verified.status == .seeOther && verified.headers[.location] == "/answers?verified=\(answerID)", "\(verified.text.components(separatedBy: "cannot be verified").last?.prefix(400) ?? "")")
            let activity = try #require(try await store.sql.select().columns("code", "start_date", "date_ascertained", "date_verified", "establishment_name")
                .from("activity").where("person_id", .equal, fixture.onCaseload).first())
            #expect(try activity.decode(column: "code", as: Int.self) == 230)
            #expect(try activity.decode(column: "start_date", as: String.self) == "2026-09-01")
            #expect(try activity.decode(column: "date_verified", as: String.self) == CampaignTests.today.iso)
            #expect(try activity.decode(column: "establishment_name", as: String?.self) == "Northmere College")
            let mobile = try await store.sql.select().column("value").from("contact_detail").where("person_id", .equal, fixture.onCaseload)
                .where("valid_to", .is, SQLLiteral.null).first()?.decode(column: "value", as: String.self)
            #expect(mobile == "07700900123", "the new number replaces the old one, which is kept in the history")
            let queueAfter = try await client.get("/queues?queue=not-known", cookies: officer.cookies)
            #expect(!queueAfter.text.contains("href=\"/people/\(fixture.onCaseload)\""), "verified: no longer not known")
            let again = try await client.form("/answers/\(answerID)/verify", ["csrf": officer.csrf], cookies: officer.cookies)
            #expect(again.status == .seeOther)
            #expect(try await CaseworkTests.count(store, "activity", person: fixture.onCaseload) == 1, "verifying twice records once")

            let campaignID = try #require(try await store.sql.select().column("id").from("campaign").first()?.decode(column: "id", as: Int64.self))
            let report = try await client.get("/campaigns/\(campaignID)/report", cookies: officer.cookies)
            #expect(report.status == .ok)
            #expect(report.text.contains("<strong>1</strong> not known resolved") && report.text.contains("100.0%"))
            #expect(report.text.contains("the record says not to contact"))

            // Its download has the page's numbers, and names nobody, so adds nothing to the audit trail.
            #expect(report.text.contains("href=\"/campaigns/\(campaignID)/report?format=csv\" download>Download CSV</a>"))
            let events = try await store.sql.raw("SELECT COUNT(*) AS n FROM audit_event").first()?.decode(column: "n", as: Int.self)
            let csv = try await client.get("/campaigns/\(campaignID)/report?format=csv", cookies: officer.cookies)
            #expect(csv.headers[.contentType] == "text/csv; charset=utf-8")
            let lines = csv.text.components(separatedBy: "\r\n").filter { !$0.isEmpty }
            #expect(lines.first == "\u{FEFF}Breakdown,Group,Considered,Included,Sent,Answered,Response rate (%),Resolved,Resolution rate (%)")
            #expect(lines.contains { $0.hasPrefix("All,All,") && $0.hasSuffix(",1,100.0") }, "one resolved of one contacted, as the page says: \(lines)")
            #expect(lines.contains { $0.hasPrefix("\"Not contacted, and why\",") || $0.hasPrefix("Not contacted, and why,") })
            #expect(try await store.sql.raw("SELECT COUNT(*) AS n FROM audit_event").first()?.decode(column: "n", as: Int.self) == events)
        }
    }

    @Test(arguments: TestDatabases.engines)
    func tamperedUnknownAndExpiredLinksAreRefusedAlike(_ engine: DatabaseEngine) async throws {
        try await AccessFixture.run(engine) { client, store, fixture in
            let (path, _) = try await Self.sentLink(client, store, fixture)
            var tampered = Array(path)
            tampered[path.count - 3] = tampered[path.count - 3] == "A" ? "B" : "A"
            for bad in [String(tampered), "/s/not-a-token", "/s/" + String(repeating: "9", count: 500)] {
                let response = try await client.get(bad)
                #expect(response.status == .notFound && response.text.contains("This link has expired or is not valid"), "\(bad.prefix(30))")
                #expect(!response.text.contains("Amara"))
            }
            let parts = path.dropFirst(3).split(separator: ".")
            let memberID = try #require(Int64(parts[1]))
            let signer = try await SelfServiceLinks(store: store, baseURL: "").signer(now: WebTestHarness.now)
            let expired = signer.sign(SelfServiceToken(personID: fixture.onCaseload, campaignMemberID: memberID, expiresAt: WebTestHarness.now.addingTimeInterval(-1)))
            #expect(try await client.get("/s/" + expired).status == .gone)
            let otherPerson = signer.sign(SelfServiceToken(personID: fixture.elsewhere, campaignMemberID: memberID, expiresAt: WebTestHarness.now.addingTimeInterval(60)))
            #expect(try await client.get("/s/" + otherPerson).status == .notFound, "a link names both the person and the attempt")
            let page = try await client.get(path)
            let csrf = try #require(page.cookie(CSRFMiddleware.preSessionCookie))
            let posted = try await client.form("/s/" + expired, ["csrf": csrf, "choice": "college"], cookies: [CSRFMiddleware.preSessionCookie: csrf])
            #expect(posted.status == .gone)
            #expect(try await Self.answerCount(store) == 0)
        }
    }
}
