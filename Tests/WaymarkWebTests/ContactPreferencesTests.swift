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

/// Opt-outs and the do-not-contact flag: only changes are written, history kept, bad channels refused.
@Suite struct ContactPreferencesTests {
    @Test(arguments: TestDatabases.engines)
    func optOutsAndTheFlagAreSavedAsChangesWithTheirHistory(_ engine: DatabaseEngine) async throws {
        try await AccessFixture.run(engine) { client, store, fixture in
            let pa = try await CaseworkTests.session(client, .personalAdviser)
            let person = fixture.onCaseload
            let today = CalendarDate.today(from: WebTestHarness.now)
            var response = try await client.form(
                "/people/\(person)/preferences", ["opt-out[]": "sms", "do-not-contact": "yes", "csrf": pa.csrf], cookies: pa.cookies)
            #expect(response.status == .seeOther)
            var now = try await PreferenceQueries(store: store).preferences(of: person, on: today)
            #expect(now.optedOut == [.sms] && now.doNotContact)
            response = try await client.form("/people/\(person)/preferences", ["opt-out[]": "sms", "csrf": pa.csrf], cookies: pa.cookies)
            now = try await PreferenceQueries(store: store).preferences(of: person, on: today)
            #expect(now.optedOut == [.sms] && !now.doNotContact, "the flag is lowered, the opt-out kept")
            #expect(try await CaseworkTests.count(store, "contact_preference", person: person) == 1, "an unchanged choice writes no new row")
            #expect(try await CaseworkTests.count(store, "person_flag", person: person) == 1, "the lowered flag stays in the history")
            let page = try await client.get("/people/\(person)/details", cookies: pa.cookies)
            #expect(page.text.contains("value=\"sms\" checked"))
            let bad = try await client.form("/people/\(person)/preferences", ["opt-out[]": "pigeon", "do-not-contact": "yes", "csrf": pa.csrf], cookies: pa.cookies)
            #expect(bad.status == .unprocessableContent)
            #expect(bad.text.contains("<h1>Contact details and characteristics</h1>") && bad.text.contains("href=\"#opt-out\""),
                    "the details page again, its summary linking to the choices")
            #expect(bad.text.contains("&#39;pigeon&#39; is not one") && bad.text.contains("value=\"yes\" checked"), "the flag as ticked is kept")
            #expect(try await CaseworkTests.count(store, "contact_preference", person: person) == 1)
            let manager = try await CaseworkTests.session(client, .manager)
            #expect(try await client.form("/people/\(person)/preferences", ["csrf": manager.csrf], cookies: manager.cookies).status == .forbidden)
        }
    }
}
