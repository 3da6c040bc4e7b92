import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
import WaymarkApp
import WaymarkCore
import WaymarkStore
import WaymarkTestSupport
@testable import WaymarkWeb

/// The search page: results that tell people apart, sign-in, and bad input answered plainly.
@Suite struct SearchPageTests {
    @Test(arguments: TestDatabases.engines)
    func resultsShowWhatTellsPeopleApartAndLinkToTheRecord(_ engine: DatabaseEngine) async throws {
        try await WebTestHarness.run(engine) { client, store in
            let id = try await PersonPageTests.addPerson(store)
            let school = try await store.change(by: .system("test"), at: WebTestHarness.now) { tx in
                try await tx.createOrganisation(NewOrganisation(kind: .school, name: "Northmere Academy", laCode: "990"))
            }
            try await store.sql.raw("UPDATE young_person SET school_id = \(bind: school) WHERE id = \(bind: id)").run()
            let (_, cookies) = try await client.signIn()
            for query in ["amara+okafor", "Amra%20Okafr", "14%2F03%2F2009", "nm11aa+okafor", "NM3+4QT", "H990250000123"] {
                let page = try await client.get("/search?q=\(query)", cookies: cookies)
                #expect(page.status == .ok, "\(query)")
                #expect(page.text.contains("href=\"/people/\(id)\""), "\(query)")
                #expect(page.text.contains("Amara Okafor"))
                #expect(page.text.contains("14 March 2009"))
                #expect(page.text.contains("NM1 1AA"), "the current postcode")
                #expect(page.text.contains("Northmere Academy"))
                #expect(page.text.contains("230 – Full time education – further education"))
            }
            let none = try await client.get("/search?q=nobody+here", cookies: cookies)
            #expect(none.status == .ok)
            #expect(none.text.contains("Nobody you can see matches"))
            let views = try await store.sql.raw("SELECT COUNT(*) AS n FROM audit_event WHERE action = 'view' AND entity = 'young_person'").first()
            #expect(try views?.decode(column: "n", as: Int.self) == 0, "searching is not a view of a record")
            let searches = try await store.sql.raw("SELECT COUNT(*) AS n FROM audit_event WHERE action = 'view' AND entity = 'search'").first()
            #expect(try searches?.decode(column: "n", as: Int.self) ?? 0 >= 2, "but each search is audited with what it showed")
        }
    }

    @Test func anEmptySearchShowsTheBoxAndTheQueryIsKeptEscaped() async throws {
        try await WebTestHarness.run(.sqlite) { client, _ in
            let (_, cookies) = try await client.signIn()
            let empty = try await client.get("/search", cookies: cookies)
            #expect(empty.status == .ok)
            #expect(empty.text.contains("<h1>Find a young person</h1>"))
            #expect(!empty.text.contains("There is a problem"))
            let script = try await client.get("/search?q=%3Cscript%3Ex%3C%2Fscript%3E", cookies: cookies)
            #expect(!script.text.contains("<script>x</script>"), "what was typed is escaped")
        }
    }

    @Test func signedOutVisitorsAreSentToSignIn() async throws {
        try await WebTestHarness.run(.sqlite) { client, _ in
            let response = try await client.get("/search?q=okafor")
            #expect(response.headers[.location] == "/sign-in")
        }
    }

    @Test func rolesThatDoNotReadRecordsCannotSearch() async throws {
        try await WebTestHarness.run(.sqlite, role: .administrator) { client, _ in
            let (_, cookies) = try await client.signIn()
            let response = try await client.get("/search?q=okafor", cookies: cookies)
            #expect(response.status == .forbidden)
        }
    }

    @Test func overLongAndUnusableSearchesGetAClearMessage() async throws {
        try await WebTestHarness.run(.sqlite) { client, _ in
            let (_, cookies) = try await client.signIn()
            let long = try await client.get("/search?q=\(String(repeating: "a", count: 10_000))", cookies: cookies)
            #expect(long.status == .badRequest)
            #expect(long.text.contains("There is a problem"))
            #expect(long.text.contains("The search is too long. Enter at most 200 characters"))
            let punctuation = try await client.get("/search?q=%21%21%21+...", cookies: cookies)
            #expect(punctuation.status == .badRequest)
            #expect(punctuation.text.contains("Nothing in the search could be used"))
        }
    }
}
