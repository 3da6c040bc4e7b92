import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
import WaymarkApp
import WaymarkCore
import WaymarkRecords
import WaymarkStore
import WaymarkTestSupport
@testable import WaymarkWeb

/// "Update the activity" applies the activity rules of the statutory return
/// as the form is submitted, naming each NCCIS error beside its field.
@Suite struct RecordWorkActivityTests {
    /// Posts the activity form and returns the response.
    static func post(_ client: any TestClientProtocol, _ session: CaseworkTests.Session, _ person: Int64, _ fields: [String: String]) async throws -> TestResponse {
        var fields = fields
        fields["csrf"] = session.csrf
        return try await client.form("/people/\(person)/activity", fields, cookies: session.cookies)
    }

    @Test(arguments: TestDatabases.engines)
    func eachRuleIsNamedAtItsField(_ engine: DatabaseEngine) async throws {
        try await AccessFixture.run(engine) { client, store, fixture in
            let pa = try await CaseworkTests.session(client, .personalAdviser)
            let person = fixture.onCaseload
            let college = ["code": "230", "start-date": "2026-09-07", "date-ascertained": "2026-11-10", "predicted-end-date": "2027-07-02"]
            let cases: [([String: String], String, String)] = [
                (["start-date": ""], "start-date", "Enter the start date (NCCIS 202)"),
                (["date-ascertained": ""], "date-ascertained", "Enter the date ascertained (NCCIS 203)"),
                (["code": ""], "code", "NCCIS 200"),
                (["code": "235"], "code", "NCCIS 201"),
                (["predicted-end-date": ""], "predicted-end-date", "NCCIS 259"),
                (["predicted-end-date": "2026-09-01"], "predicted-end-date", "NCCIS 258"),
                (["review-date": "2027-08-01"], "review-date", "NCCIS 257"),
                (["date-verified": "2026-09-01"], "date-verified", "NCCIS 256"),
                (["date-verified": "2026-11-01"], "date-ascertained", "NCCIS 237"),
                (["date-ascertained": "2026-12-01"], "date-ascertained", "NCCIS 305"),
                (["neet-start-date": "2026-09-01"], "neet-start-date", "NCCIS 226"),
                (["establishment-number": "99012"], "establishment-number", "NCCIS 228"),
                (["ukprn": "2000000X"], "ukprn", "NCCIS 39"),
                (["code": "460"], "code", "NCCIS 255"),
                (["code": "440"], "code", "NCCIS 253"),
                (["start-date": "31/09/2026"], "start-date", "The start date must be a real date"),
                (["establishment-name": String(repeating: "e", count: 121)], "establishment-name", "120 characters or fewer"),
            ]
            for (change, field, message) in cases {
                var fields = college
                fields.merge(change) { $1 }
                let response = try await Self.post(client, pa, person, fields)
                #expect(response.status == .unprocessableContent, "\(change)")
                #expect(response.text.contains("<h2 id=\"error-summary-title\">There is a problem</h2>"), "\(change)")
                // A date's summary link goes to its day box, where the fix starts.
                let anchor = field.contains("date") ? "\(field)-day" : field
                #expect(response.text.contains("href=\"#\(anchor)\""), "\(change) links to \(anchor)")
                #expect(response.text.contains(message), "\(change) names \(message)")
                #expect(response.text.contains("field--error"), "\(change) marks the field")
            }
            #expect(try await CaseworkTests.count(store, "activity", person: person) == 0)
            let saved = try await Self.post(client, pa, person, college.merging(["establishment-name": "Northmere College", "ukprn": "10004599"]) { $1 })
            #expect(saved.status == .seeOther && saved.headers[.location] == "/people/\(person)?saved=activity")
            #expect(try await RecordWorkTests.audits(store, "activity", "create", person: person) == 1)
            let record = try await client.get("/people/\(person)?saved=activity", cookies: pa.cookies)
            #expect(record.text.contains("Activity saved"))
            #expect(record.text.contains("7 September 2026 – now") && record.text.contains("at Northmere College"))
        }
    }

    @Test(arguments: TestDatabases.engines)
    func aPreSixteenActivityMustBeCurrentThisAcademicYear(_ engine: DatabaseEngine) async throws {
        try await AccessFixture.run(engine) { client, store, fixture in
            // given a Year 11 pupil (academic age 15 on 31 August 2026)
            let la = try DemoAuthority.registry.code(DemoAuthority.code)
            let pupil = try await store.change(by: .system("test"), at: WebTestHarness.now) { tx in
                try await tx.createPerson(
                    NewYoungPerson(
                        identity: YoungPersonIdentity(
                            givenName: "Kofi", familyName: "Mensah", dateOfBirth: try CalendarDate(iso: "2011-03-14"), gender: .male, ethnicity: .blackAfrican),
                        cohortStatus: .primary, responsibleLA: la, educatedLA: la, schoolID: fixture.schoolA))
            }
            let officer = try await CaseworkTests.session(client, .trackingOfficer)
            var fields = ["code": "110", "start-date": "2025-09-03", "date-ascertained": "2026-11-10"]
            // when the activity started last academic year and was not verified since
            let stale = try await Self.post(client, officer, pupil, fields)
            // then
            #expect(stale.status == .unprocessableContent)
            #expect(stale.text.contains("NCCIS 909") && stale.text.contains("1 September 2026") && stale.text.contains("href=\"#start-date-day\""))
            fields["date-verified"] = "2026-11-10"
            #expect(try await Self.post(client, officer, pupil, fields).status == .seeOther, "verified this year it is current")
            let postSixteen = try await Self.post(client, officer, pupil, ["code": "230", "start-date": "2026-09-07", "date-ascertained": "2026-11-10", "predicted-end-date": "2027-07-02"])
            #expect(postSixteen.text.contains("NCCIS 229"), "a post-16 activity is refused in Year 11")
            #expect(try await CaseworkTests.count(store, "activity", person: pupil) == 1)
        }
    }

    @Test(arguments: TestDatabases.engines)
    func aNEETActivityNeedsItsStartDateWithinTheRules(_ engine: DatabaseEngine) async throws {
        try await AccessFixture.run(engine) { client, store, fixture in
            let pa = try await CaseworkTests.session(client, .personalAdviser)
            let person = fixture.onCaseload
            let neet = ["code": "540", "start-date": "2026-11-02", "date-ascertained": "2026-11-10"]
            let cases: [(String?, String)] = [(nil, "NCCIS 224"), ("2026-11-03", "NCCIS 225"), ("2024-01-01", "NCCIS 251")]
            for (neetStart, rule) in cases {
                var fields = neet
                fields["neet-start-date"] = neetStart
                let response = try await Self.post(client, pa, person, fields)
                #expect(response.status == .unprocessableContent && response.text.contains(rule) && response.text.contains("href=\"#neet-start-date-day\""), "\(rule)")
            }
            #expect(try await CaseworkTests.count(store, "activity", person: person) == 0)
        }
    }
}
