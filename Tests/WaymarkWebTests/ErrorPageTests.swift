import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
import WaymarkApp
import WaymarkRecords
import WaymarkStore
import WaymarkTestSupport
@testable import WaymarkWeb

/// An error is a page a person can act on: it says in words what happened,
/// keeps the signed-in user's navigation, and offers the way back to the
/// page they came from — only ever a page of Waymark's own.
@Suite struct ErrorPageTests {
    @Test func anErrorKeepsTheNavigationAndOffersTheWayBack() async throws {
        try await AccessFixture.run(.sqlite) { client, _, _ in
            let pa = try await CaseworkTests.session(client, .personalAdviser)
            var headers = HTTPFields()
            headers[.cookie] = pa.cookies.map { "\($0.key)=\($0.value)" }.joined(separator: "; ")
            headers[.referer] = "http://127.0.0.1:8080/search?q=okafor"
            let refused = try await client.execute(uri: "/imports", method: .get, headers: headers)
            #expect(refused.status == .forbidden)
            #expect(refused.text.contains("<h1>You cannot do this</h1>") && refused.text.contains("Error 403"))
            #expect(refused.text.contains("class=\"site-nav\"") && refused.text.contains("href=\"/diary\""), "the adviser's own navigation")
            #expect(refused.text.contains("<a href=\"/search?q=okafor\">Go back to the page you were on</a>"))

            headers[.referer] = "https://elsewhere.example//evil.example/x"
            let missing = try await client.execute(uri: "/people/999999", method: .get, headers: headers)
            #expect(missing.status == .notFound && missing.text.contains("<h1>Page not found</h1>"))
            #expect(!missing.text.contains("Go back to the page you were on"), "a path that would leave the site is not offered")

            // The stylesheet is found only after the router's "no such route"; the inner error page must let that through.
            let styles = try await client.get("/waymark.css", cookies: pa.cookies)
            #expect(styles.status == .ok && styles.text.contains(".diary-entry"))
        }
    }

    /// A form sent in a shape no page offers comes back as the page itself
    /// with an error summary, not as an error page.
    @Test func aBadOverrideComesBackAsItsPageWithAnErrorSummary() async throws {
        try await AccessFixture.run(.sqlite) { client, store, fixture in
            let manager = try await CaseworkTests.session(client, .dataManager)
            let override = try await client.form(
                "/people/\(fixture.onCaseload)/consent/override",
                ["csrf": manager.csrf, "flow": "school-portal", "class[]": "not-a-class", "reason": "Safeguarding referral"], cookies: manager.cookies)
            #expect(override.status == .unprocessableContent)
            #expect(override.text.contains("class=\"error-summary\"") && override.text.contains("Choose kinds of information from the list"))
            #expect(override.text.contains("<h1>") && !override.text.contains("There is a problem with what was sent</h1>"), "the consent page, not an error page")

            #expect(try await CampaignTests.total(store, "share_override") == 0, "nothing is recorded from a form with a problem")
        }
    }
}
