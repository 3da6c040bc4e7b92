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

/// Address, phone and e-mail, characteristics: history kept, problems named, nothing half-saved.
@Suite struct DetailsFormsTests {
    @Test(arguments: TestDatabases.engines)
    func aMoveKeepsTheOldAddressAndANewNumberClosesTheOldOne(_ engine: DatabaseEngine) async throws {
        try await AccessFixture.run(engine) { client, store, fixture in
            let pa = try await CaseworkTests.session(client, .personalAdviser)
            let person = fixture.onCaseload
            for (line, from) in [("1 Mill Lane", "2020-01-01"), ("9 Quay Street", "2026-11-01")] {
                let moved = try await client.form(
                    "/people/\(person)/addresses", ["line-1": line, "town": "Northmere", "postcode": "nm34qt", "address-from": from, "csrf": pa.csrf],
                    cookies: pa.cookies)
                #expect(moved.status == .seeOther)
            }
            let details = try await client.get("/people/\(person)/details", cookies: pa.cookies)
            #expect(details.text.contains("9 Quay Street, Northmere, NM3 4QT"), "the postcode is tidied")
            #expect(details.text.contains("1 Mill Lane") && details.text.contains("to 31 October 2026 (old)"), "the old address is closed the day before")
            for number in ["07700 900123", "07700 900456"] {
                let saved = try await client.form("/people/\(person)/contact-details", ["detail-kind": "mobile", "detail-value": number, "csrf": pa.csrf], cookies: pa.cookies)
                #expect(saved.status == .seeOther)
            }
            let stored = try await CaseworkQueries(store: store).contactDetails(of: person)
            #expect(stored.count == 2 && stored.filter { $0.detail.validTo == nil }.map(\.detail.value) == ["07700 900456"])
            let audits = try await store.sql.raw("SELECT COUNT(*) AS n FROM audit_event WHERE person_id = \(bind: person) AND entity IN ('address', 'contact_detail')").first()
            #expect(try audits?.decode(column: "n", as: Int.self) == 4)
        }
    }

    @Test(arguments: TestDatabases.engines)
    func badDetailsAreNamedAndNothingIsSaved(_ engine: DatabaseEngine) async throws {
        try await AccessFixture.run(engine) { client, store, fixture in
            let pa = try await CaseworkTests.session(client, .personalAdviser)
            let person = fixture.onCaseload
            let cases: [(String, [String: String], String)] = [
                ("addresses", ["line-1": "", "postcode": "NOT A CODE", "address-from": "2026-13-01"], "#line-1"),
                ("addresses", ["line-1": String(repeating: "x", count: 100_000), "postcode": "NM3 4QT", "address-from": "2026-11-01"], "#line-1"),
                ("addresses", ["line-1": "2 Dock Road", "postcode": "12345", "address-from": "2026-11-01"], "#postcode"),
                ("contact-details", ["detail-kind": "mobile", "detail-value": "call me maybe"], "#detail-value"),
                ("contact-details", ["detail-kind": "email", "detail-value": "not-an-address"], "#detail-value"),
                ("contact-details", ["detail-kind": "pager", "detail-value": "07700 900123"], "#detail-kind"),
                ("characteristics", ["characteristic": "999", "characteristic-from": "2026-11-01"], "#characteristic"),
                ("characteristics", ["characteristic": "110", "characteristic-from": "2027-01-01"], "#characteristic-from-day"),
            ]
            for (path, fields, anchor) in cases {
                var form = fields
                form["csrf"] = pa.csrf
                let response = try await client.form("/people/\(person)/\(path)", form, cookies: pa.cookies)
                #expect(response.status == .unprocessableContent, "\(path) \(fields.mapValues { $0.prefix(20) })")
                #expect(response.text.contains("href=\"\(anchor)\""), "\(path) names \(anchor)")
            }
            for table in ["address", "contact_detail", "characteristic"] {
                #expect(try await CaseworkTests.count(store, table, person: person) == 0, "\(table) untouched")
            }
        }
    }

    @Test(arguments: TestDatabases.engines)
    func aCharacteristicIsAddedThenEndedAndStaysInTheHistory(_ engine: DatabaseEngine) async throws {
        try await AccessFixture.run(engine) { client, store, fixture in
            let officer = try await CaseworkTests.session(client, .trackingOfficer)
            let person = fixture.elsewhere
            let added = try await client.form("/people/\(person)/characteristics", ["characteristic": "110", "characteristic-from": "2026-09-01", "csrf": officer.csrf], cookies: officer.cookies)
            #expect(added.status == .seeOther)
            let item = try #require(try await CaseworkQueries(store: store).characteristics(of: person).first)
            let forged = try await client.form("/people/\(fixture.onCaseload)/characteristics/\(item.id)/end", ["csrf": officer.csrf], cookies: officer.cookies)
            #expect(forged.status == .notFound)
            let ended = try await client.form("/people/\(person)/characteristics/\(item.id)/end", ["csrf": officer.csrf], cookies: officer.cookies)
            #expect(ended.status == .seeOther)
            let after = try #require(try await CaseworkQueries(store: store).characteristics(of: person).first)
            #expect(after.record.endDate == CalendarDate.today(from: WebTestHarness.now))
            let again = try await client.form("/people/\(person)/characteristics/\(item.id)/end", ["csrf": officer.csrf], cookies: officer.cookies)
            #expect(again.status == .notFound, "an ended characteristic cannot be ended again")
            let pa = try await CaseworkTests.session(client, .personalAdviser)
            #expect(try await client.get("/people/\(person)/details", cookies: pa.cookies).status == .forbidden, "not the adviser's caseload")
        }
    }
}
