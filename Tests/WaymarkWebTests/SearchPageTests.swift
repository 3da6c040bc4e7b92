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
            #expect(none.text.contains("No young person matches ‘nobody here’"))
            let views = try await store.sql.raw("SELECT COUNT(*) AS n FROM audit_event WHERE action = 'view' AND entity = 'young_person'").first()
            #expect(try views?.decode(column: "n", as: Int.self) == 0, "searching is not a view of a record")
            let searches = try await store.sql.raw("SELECT COUNT(*) AS n FROM audit_event WHERE action = 'view' AND entity = 'search'").first()
            #expect(try searches?.decode(column: "n", as: Int.self) ?? 0 >= 2, "but each search is audited with what it showed")
        }
    }

    @Test func nonsenseSaysNobodyMatchesAndWhatToTryInstead() async throws {
        try await WebTestHarness.run(.sqlite) { client, store in
            _ = try await PersonPageTests.addPerson(store)
            let (_, cookies) = try await client.signIn()
            let page = try await client.get("/search?q=zzzzqqq", cookies: cookies)
            #expect(page.status == .ok)
            #expect(page.text.contains("No young person matches ‘zzzzqqq’."))
            #expect(page.text.contains("check the spelling"))
            #expect(page.text.contains("search by date of birth"))
            #expect(page.text.contains("search by UPN, ULN or postcode"))
            #expect(!page.text.contains("<table"), "no similar-name people")
            #expect(!page.text.contains("Okafor"))
        }
    }

    @Test func resultsAreACompactTablePagedTwentyFiveAtATime() async throws {
        try await WebTestHarness.run(.sqlite) { client, store in
            let first = try await PersonPageTests.addPerson(store)
            let adviser = try await store.sql.raw("SELECT id FROM app_user ORDER BY id LIMIT 1").first()?.decode(column: "id", as: Int64.self)
            try await store.sql.raw("UPDATE young_person SET pa_user_id = \(bind: adviser) WHERE id = \(bind: first)").run()
            try await store.sql.raw("UPDATE address SET ward = 'Riverside' WHERE person_id = \(bind: first)").run()
            let givenNames = ["Ada", "Bea", "Cara", "Dana", "Edie", "Fern", "Gina", "Hana", "Iris", "Jade", "Kira", "Lena", "Mia",
                              "Nia", "Olga", "Pia", "Rhea", "Sara", "Tia", "Uma", "Vera", "Wren", "Yara", "Zara", "Abi", "Bex"]
            for given in givenNames { _ = try await PersonPageTests.addPerson(store, given: given) }
            let (_, cookies) = try await client.signIn()
            let page = try await client.get("/search?q=14%2F03%2F2009", cookies: cookies)
            #expect(page.status == .ok)
            #expect(page.text.contains("<table class=\"table search-results\">"))
            for heading in ["Name", "Date of birth", "Age", "School", "Postcode (ward)", "Current activity", "Adviser"] {
                #expect(page.text.contains("<th scope=\"col\">\(heading)</th>"), "\(heading)")
            }
            #expect(page.text.contains("Showing 1 to 25 of 27 young people found"))
            #expect(page.text.components(separatedBy: "<tr>").count - 1 == 26, "a heading row and 25 people")
            #expect(page.text.contains("<td data-label=\"Age\">17</td>"))
            #expect(page.text.contains("NM1 1AA <span class=\"search-results__ward\">(Riverside)</span>"))
            #expect(page.text.contains("href=\"/search?q=14%2F03%2F2009&amp;page=2\""))
            let second = try await client.get("/search?q=14%2F03%2F2009&page=2", cookies: cookies)
            #expect(second.text.contains("Showing 26 to 27 of 27 young people found"))
            #expect(second.text.components(separatedBy: "<tr>").count - 1 == 3)
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
