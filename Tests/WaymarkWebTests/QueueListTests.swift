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

/// A queue longer than a page: paged, sorted, narrowed by a ward whatever
/// its case, ticked a page at a time, and downloaded whole.
@Suite struct QueueListTests {
    /// 128 more not-known young people, so with the fixture's two the queue holds 130: a page and 30.
    static func lengthen(_ store: Store, _ fixture: AccessFixture) async throws -> [Int64] {
        let la = try DemoAuthority.registry.code(DemoAuthority.code)
        return try await store.change(by: .system("test"), at: WebTestHarness.now) { tx in
            try await tx.addAddress(
                AddressRecord(lines: ["2 Mill Lane"], town: "Northmere", county: nil, postcode: "NM4 7QT", ward: "Riverside",
                              validFrom: try CalendarDate(iso: "2026-01-01")), for: fixture.elsewhere)
            var added: [Int64] = []
            for number in 1...128 {
                added.append(try await tx.createPerson(NewYoungPerson(
                    identity: YoungPersonIdentity(
                        givenName: "Sam", familyName: family(number), dateOfBirth: try CalendarDate(iso: "2009-10-01"),
                        gender: .male, ethnicity: .whiteBritish),
                    cohortStatus: .primary, responsibleLA: la, educatedLA: la)))
            }
            return added
        }
    }

    /// "Pupilaa" for 1 to "Pupilex" for 128: names hold no digits, and these sort as the numbers do.
    static func family(_ number: Int) -> String {
        let letters = Array("abcdefghijklmnopqrstuvwxyz")
        return "Pupil" + String(letters[(number - 1) / 26]) + String(letters[(number - 1) % 26])
    }

    static func checkboxes(_ html: String) -> Int { html.components(separatedBy: "name=\"person[]\"").count - 1 }

    @Test(arguments: TestDatabases.engines)
    func aLongQueueIsPagedWithItsFiltersAndSortKeptInTheLinks(_ engine: DatabaseEngine) async throws {
        try await AccessFixture.run(engine) { client, store, fixture in
            _ = try await Self.lengthen(store, fixture)
            let officer = try await CaseworkTests.session(client, .trackingOfficer)
            let first = try await client.get("/queues?queue=not-known", cookies: officer.cookies)
            #expect(first.status == .ok)
            #expect(first.text.contains("Showing 1 to 100 of 130 young people"))
            #expect(Self.checkboxes(first.text) == 100)
            #expect(first.text.contains("href=\"/queues?queue=not-known&amp;days=30&amp;page=2\" rel=\"next\""))
            #expect(!first.text.contains("rel=\"prev\""))
            let second = try await client.get("/queues?queue=not-known&days=30&page=2", cookies: officer.cookies)
            #expect(second.text.contains("Showing 101 to 130 of 130 young people") && Self.checkboxes(second.text) == 30)
            #expect(second.text.contains("aria-current=\"page\" class=\"pagination__current\">2<"))
            #expect(second.text.contains("href=\"/queues?queue=not-known&amp;days=30\" rel=\"prev\""), "page 1's link is the queue's own")
            let beyond = try await client.get("/queues?queue=not-known&page=9", cookies: officer.cookies)
            #expect(beyond.status == .ok && beyond.text.contains("Showing 101 to 130 of 130"), "a page past the end shows the last")

            // Sorted by name: the heading says so, links to the other direction, and the page links keep the sort.
            let byName = try await client.get("/queues?queue=not-known&sort=name", cookies: officer.cookies)
            #expect(byName.text.contains("<th scope=\"col\" aria-sort=\"ascending\"><a href=\"/queues?queue=not-known&amp;days=30&amp;sort=name&amp;order=descending\">Name"))
            #expect(byName.text.contains("<th scope=\"col\" aria-sort=\"none\"><a href=\"/queues?queue=not-known&amp;days=30&amp;sort=date-of-birth&amp;order=ascending\">Date of birth"))
            #expect(byName.text.contains("href=\"/queues?queue=not-known&amp;days=30&amp;sort=name&amp;order=ascending&amp;page=2\" rel=\"next\""))
            #expect(byName.text.contains("<input type=\"hidden\" name=\"sort\" value=\"name\">"), "changing a filter keeps the sort")
            let amara = try #require(byName.text.range(of: "href=\"/people/\(fixture.onCaseload)\""))
            let zara = try #require(byName.text.range(of: "href=\"/people/\(fixture.elsewhere)\""))
            let pupil = try #require(byName.text.range(of: "Sam \(Self.family(1))"))
            #expect(amara.lowerBound < zara.lowerBound && zara.lowerBound < pupil.lowerBound, "Okafor Amara, Okafor Zara, then the Pupils")
            let descending = try await client.get("/queues?queue=not-known&sort=name&order=descending", cookies: officer.cookies)
            #expect(descending.text.contains("Sam \(Self.family(128))") && !descending.text.contains("Sam \(Self.family(1))"), "the first Pupil is on page 2 backwards")

            #expect(try await client.get("/queues?queue=not-known&page=0", cookies: officer.cookies).status == .badRequest)
            #expect(try await client.get("/queues?queue=not-known&sort=shoe-size", cookies: officer.cookies).status == .badRequest)
        }
    }

    @Test(arguments: TestDatabases.engines)
    func theWardIsChosenFromTheWardsThereAreWhateverTheCaseTyped(_ engine: DatabaseEngine) async throws {
        try await AccessFixture.run(engine) { client, store, fixture in
            _ = try await Self.lengthen(store, fixture)
            let officer = try await CaseworkTests.session(client, .trackingOfficer)
            let riverside = try await client.get("/queues?queue=not-known&ward=riverside", cookies: officer.cookies)
            #expect(riverside.text.contains("<select id=\"ward\" name=\"ward\"><option value=\"\">Any ward</option><option value=\"Riverside\" selected>Riverside</option></select>"))
            #expect(riverside.text.contains("href=\"/people/\(fixture.elsewhere)\"") && Self.checkboxes(riverside.text) == 1)
            #expect(riverside.text.contains(">1 young person<"))
            let spaced = try await client.get("/queues?queue=not-known&ward=+RiverSide+", cookies: officer.cookies)
            #expect(spaced.text.contains(">1 young person<"), "a form sends spaces as \"+\"; they are read as spaces and trimmed")
            let nowhere = try await client.get("/queues?queue=not-known&ward=Atlantis", cookies: officer.cookies)
            #expect(nowhere.text.contains("<option value=\"Atlantis\" selected>Atlantis</option>"), "a ward nobody lives in is still shown as the one chosen")
            #expect(nowhere.text.contains("Nobody is on this queue with these filters."))
        }
    }

    @Test(arguments: TestDatabases.engines)
    func everyoneOnAPageCanBeTickedAndAssignedFromTheTop(_ engine: DatabaseEngine) async throws {
        try await AccessFixture.run(engine) { client, store, fixture in
            _ = try await Self.lengthen(store, fixture)
            let officer = try await CaseworkTests.session(client, .trackingOfficer)
            let ticked = try await client.get("/queues?queue=not-known&page=2&select=page", cookies: officer.cookies)
            #expect(ticked.text.components(separatedBy: "name=\"person[]\" value=").count - 1 == 30)
            #expect(ticked.text.components(separatedBy: " checked><label").count - 1 == 30, "every box on the page arrives ticked")
            #expect(ticked.text.contains("<input type=\"hidden\" name=\"back\" value=\"/queues?queue=not-known&amp;days=30&amp;page=2\">"),
                    "after assigning, the page comes back unticked")
            let assign = try #require(ticked.text.range(of: "id=\"assign-adviser\""))
            let table = try #require(ticked.text.range(of: "<table"))
            #expect(assign.lowerBound < table.lowerBound, "the assign controls come before the list")
        }
    }

    @Test(arguments: TestDatabases.engines)
    func theWholeQueueDownloadsAsCSVInThePagesOrderAndIsAudited(_ engine: DatabaseEngine) async throws {
        try await AccessFixture.run(engine) { client, store, fixture in
            let added = try await Self.lengthen(store, fixture)
            let officer = try await CaseworkTests.session(client, .trackingOfficer)
            let page = try await client.get("/queues?queue=not-known&sort=name&order=descending", cookies: officer.cookies)
            #expect(page.text.contains("href=\"/queues/export?queue=not-known&amp;days=30&amp;sort=name&amp;order=descending&amp;format=csv\" download>Download CSV (all pages)</a>"))
            #expect(page.text.contains("href=\"/queues/export?queue=not-known&amp;days=30&amp;sort=name&amp;order=descending&amp;format=xlsx\" download>Download Excel (.xlsx, all pages)</a>"))
            let csv = try await client.get("/queues/export?queue=not-known&days=30&sort=name&order=descending", cookies: officer.cookies)
            #expect(csv.status == .ok)
            #expect(csv.headers[.contentType] == "text/csv; charset=utf-8")
            #expect(csv.headers[.contentDisposition]?.contains("filename=\"queue-not-known-") == true)
            let lines = csv.text.components(separatedBy: "\r\n").filter { !$0.isEmpty }
            #expect(lines.count == 131, "the header and all 130, not one page")
            #expect(lines.first == "\u{FEFF}Record number,Given name,Family name,Date of birth,School,Ward,Adviser,Last contact,Why")
            #expect(lines[1].hasPrefix("\(added[127]),Sam,\(Self.family(128)),2009-10-01,"), "in the page's order: \(lines[1])")
            #expect(lines.last?.hasPrefix("\(fixture.onCaseload),Amara,Okafor,2009-03-14,Millbrook Park School,,Personal adviser user,,") == true)
            let riverside = try await client.get("/queues/export?queue=not-known&ward=RIVERSIDE", cookies: officer.cookies)
            #expect(riverside.text.components(separatedBy: "\r\n").filter { !$0.isEmpty }.count == 2)

            let audit = try await store.sql.raw("""
                SELECT detail FROM audit_event WHERE action = 'view' AND entity = 'queue' AND detail LIKE 'export;%' ORDER BY id
                """).all()
            let details = try audit.map { try $0.decode(column: "detail", as: String.self) }
            #expect(details.count == 2)
            #expect(details.first?.contains("queue=not-known; days=30; sort=name descending; total=130; shown=\(added[127]),") == true)
            #expect(details.first.map { !$0.contains("Pupil") } == true, "the audit holds ids, never names")
            let pa = try await CaseworkTests.session(client, .personalAdviser)
            #expect(try await client.get("/queues/export?queue=not-known", cookies: pa.cookies).status == .forbidden)
        }
    }
}
