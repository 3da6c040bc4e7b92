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

/// "Add a young person" over HTTP: problems come back on the form, a
/// possible duplicate is shown before anything is made, and the
/// confirmation sent twice makes one person.
@Suite struct NewPersonPageTests {
    static func people(_ store: Store) async throws -> Int {
        try await store.sql.raw("SELECT COUNT(*) AS n FROM young_person").first(decodingColumn: "n", as: Int.self) ?? 0
    }

    @Test(arguments: TestDatabases.engines)
    func aDuplicateIsShownFirstAndTheConfirmationSentTwiceAddsOnePerson(_ engine: DatabaseEngine) async throws {
        try await AccessFixture.run(engine) { client, store, fixture in
            let officer = try await CaseworkTests.session(client, .trackingOfficer)
            let form = try await client.get("/people/new", cookies: officer.cookies)
            let once = try OneTimeTokenTests.token(form, form: "/people/new")
            let before = try await Self.people(store)
            var fields = [
                "csrf": officer.csrf, "once": once, "given-name": "Amara", "family-name": "Okafor", "date-of-birth[day]": "1",
                "date-of-birth[month]": "1", "date-of-birth[year]": "2010", "gender": "F", "postcode": "nm3 4qt",
            ]

            let bad = try await client.form("/people/new", fields.merging(["gender": "", "uln": "12"]) { $1 }, cookies: officer.cookies)
            #expect(bad.status == .unprocessableContent)
            #expect(bad.text.contains("href=\"#gender\"") && bad.text.contains("Enter a ULN of 10 digits"), "each problem is named and linked")
            #expect(bad.text.contains("value=\"Amara\""), "what was typed is kept")

            let check = try await client.form("/people/new", fields, cookies: officer.cookies)
            #expect(check.status == .ok && check.text.contains("href=\"/people/\(fixture.onCaseload)\""), "the namesake is offered, linked to their record")
            #expect(check.text.contains("name=\"confirmed\" value=\"none\"") && check.text.contains("value=\"\(once)\""))
            #expect(try await Self.people(store) == before, "nothing is made before the user says none of these is them")

            fields["confirmed"] = "none"
            let first = try await client.form("/people/new", fields, cookies: officer.cookies)
            let again = try await client.form("/people/new", fields, cookies: officer.cookies)
            let location = try #require(first.headers[.location])
            #expect(first.status == .seeOther && location.hasSuffix("?saved=person-added") && again.headers[.location] == location)
            #expect(try await Self.people(store) == before + 1, "the repeat adds nobody")
            let record = try await client.get(location, cookies: officer.cookies)
            #expect(record.text.contains("Young person added"))
        }
    }
}
