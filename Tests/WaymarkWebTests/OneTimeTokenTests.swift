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

/// Every remaining form that creates something carries its own one-time
/// token: sent twice (Back then Save, a double click) it is shown the first
/// result and creates nothing more.
@Suite struct OneTimeTokenTests {
    static func token(_ page: TestResponse, form action: String) throws -> String {
        // The token in the form that posts to `action`, not another form's on the same page.
        let start = try #require(page.text.range(of: "action=\"\(action)\""), "a form posting to \(action)")
        let rest = page.text[start.upperBound...]
        return try #require(rest.firstMatch(of: /name="once" value="([A-Za-z0-9_-]+)"/)?.1).description
    }

    @Test(arguments: TestDatabases.engines)
    func theDetailsFormsEachSaveOnce(_ engine: DatabaseEngine) async throws {
        try await AccessFixture.run(engine) { client, store, fixture in
            let officer = try await CaseworkTests.session(client, .trackingOfficer)
            let person = fixture.onCaseload
            let page = try await client.get("/people/\(person)/details", cookies: officer.cookies)
            let posts: [(path: String, fields: [String: String], table: String)] = [
                ("addresses", ["line-1": "9 Quay Street", "postcode": "NM3 4QT", "address-from": "2026-11-01"], "address"),
                ("contact-details", ["detail-kind": "mobile", "detail-value": "07700 900123"], "contact_detail"),
                ("characteristics", ["characteristic": "110", "characteristic-from": "2026-09-01"], "characteristic"),
            ]
            var tokens = Set<String>()
            for post in posts {
                let path = "/people/\(person)/\(post.path)"
                let once = try Self.token(page, form: path)
                tokens.insert(once)
                let before = try await CaseworkTests.count(store, post.table, person: person)
                let fields = post.fields.merging(["once": once, "csrf": officer.csrf]) { $1 }
                let first = try await client.form(path, fields, cookies: officer.cookies)
                let again = try await client.form(path, fields, cookies: officer.cookies)
                #expect(first.status == .seeOther && again.headers[.location] == first.headers[.location], "\(post.path): the repeat is shown the first result")
                #expect(try await CaseworkTests.count(store, post.table, person: person) == before + 1, "\(post.path): the repeat creates nothing")
            }
            #expect(tokens.count == 3, "each form on the page has its own token")
        }
    }

    @Test(arguments: TestDatabases.engines)
    func aPortalConcernSentTwiceIsSentOnce(_ engine: DatabaseEngine) async throws {
        try await PortalPagesTests.run(engine) { client, store, fixture, _ in
            let (_, cookies) = try await client.signIn(email: AccessFixture.email(.careersLeader))
            let path = "/portal/people/\(fixture.onCaseload)/concern"
            let page = try await client.get("/portal/people/\(fixture.onCaseload)", cookies: cookies)
            let fields = ["code": PortalConcern.allCases[0].rawValue, "once": try Self.token(page, form: path), "csrf": try #require(page.csrfField)]
            let first = try await client.form(path, fields, cookies: cookies)
            let again = try await client.form(path, fields, cookies: cookies)
            #expect(first.status == .seeOther && again.headers[.location] == first.headers[.location])
            #expect(try await CaseworkTests.count(store, "follow_up", person: fixture.onCaseload) == 1, "one concern, one follow-up")
        }
    }

    @Test(arguments: TestDatabases.engines)
    func anImportSentTwiceRunsOnce(_ engine: DatabaseEngine) async throws {
        try await AccessFixture.run(engine) { client, store, _ in
            let officer = try await CaseworkTests.session(client, .trackingOfficer)
            let page = try await client.get("/imports", cookies: officer.cookies)
            let file = "Forename,Surname,DOB,Sex,UKPRN,Start date,College\nTobiah,Wrenfield,2009-05-02,M,10004927,2026-09-01,Northmere College\n"
            let fields = ["csrf": officer.csrf, "kind": "college_enrolments", "once": try Self.token(page, form: "/imports")]
            let first = try await ImportsPageTests.upload(client, fields: fields, fileName: "enrolments.csv", file: file, cookies: officer.cookies)
            let again = try await ImportsPageTests.upload(client, fields: fields, fileName: "enrolments.csv", file: file, cookies: officer.cookies)
            #expect(first.status == .seeOther && again.headers[.location] == first.headers[.location], "the repeat is shown the first batch")
            #expect(try await CampaignTests.total(store, "import_batch") == 1)
        }
    }
}
