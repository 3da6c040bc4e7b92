import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import Testing
import WaymarkApp
import WaymarkRecords
import WaymarkStore
import WaymarkTestSupport

@testable import WaymarkWeb

/// An administrator issues a school's system an API client and sees its
/// token once; the token works on the API; on a phone the administrator
/// revokes it and it stops working. The API's reference page reads well at
/// both widths. In a real headless Chromium, with axe-core on every page.
@Suite(.serialized)
struct APIClientsJourneyTests {
    static let artefacts = FileManager.default.currentDirectoryPath + "/.build/artefacts/screenshots/api-clients"

    @Test(.enabled(if: ChromeDriverProcess.executable != nil, "chromedriver is not installed; browser journeys skipped"))
    func anAdministratorIssuesAndRevokesAnAPIClient() async throws {
        try await TestDatabases.withFreshStore(.sqlite) { store in
            _ = try await DemoSetup(store: store, logger: .init(label: "journey"), passwordCost: 4).run(people: 50, seed: 5, now: WebTestHarness.now)
            let services = WebServices(store: store, registry: DemoAuthority.registry, laCode: try DemoAuthority.laCode, passwordCost: 4,
                                       passwordHasher: .forTests, now: { WebTestHarness.now })
            // The test's own HTTP connection waits while the browser works, which on a busy machine outlasts
            // the 30 s idle limit and the 120 s a connection may wait between requests.
            var configuration = WebConfiguration(port: 0)
            configuration.idleTimeout = .seconds(900)
            configuration.requestDeadline = .seconds(900)
            let app = try await buildApplication(services: services, configuration: configuration, logger: .init(label: "browser"))
            try await app.test(.live) { client in
                let base = "http://127.0.0.1:\(try #require(client.port))"
                var token = ""
                try await WebDriver.withBrowser(width: 1280, height: 900) { browser in
                    try await CampaignJourneyTests.signIn(browser, base, as: "administrator@northmere.example")
                    try await browser.open(base + "/admin/api-clients")
                    #expect(try await browser.text(of: "main").contains("No API clients have been issued."))
                    try await browser.type("Northgate MIS", into: "#client-name")
                    let school = try await browser.evaluate(
                        "return Array.from(document.querySelectorAll('#client-organisation option')).find(o => /School|Academy/.test(o.textContent)).value")
                    try await browser.click("#client-organisation option[value='\(try #require(school as? String))']")
                    try await browser.click("#client-role option[value='data-manager']")
                    try await browser.click("#scope-read-people")
                    try await browser.click("#scope-write-destinations")
                    try await browser.look(saving: Self.artefacts + "/desktop-00-form.png")
                    // The scopes between authorities are offered like the others.
                    _ = try await browser.evaluate("document.querySelector('#scope-lookup-elsewhere').scrollIntoView({block: 'center'}); return true;")
                    #expect(try await browser.text(of: "form[action='/admin/api-clients']").contains("exchange:transfers"))
                    try await browser.look(saving: Self.artefacts + "/desktop-00b-transfer-scopes.png")
                    try await browser.click("form[action='/admin/api-clients'] button[type=submit]")
                    // A school's client acting as a data manager is refused, naming the field.
                    #expect(try await browser.waitForText("careers leader", in: ".error-summary").contains("acts as its careers leader"))
                    #expect(try await browser.evaluate("return document.querySelector('#client-name').value") as? String == "Northgate MIS", "what was typed is kept")
                    try await browser.look(saving: Self.artefacts + "/desktop-01-problem.png")
                    try await browser.click("#client-role option[value='careers-leader']")
                    try await browser.click("form[action='/admin/api-clients'] button[type=submit]")
                    #expect(try await browser.waitForText("is issued", in: ".notice").contains("Northgate MIS is issued"))
                    token = try await browser.text(of: "#api-token")
                    #expect(token.hasPrefix("wmk_") && token.count > 40)
                    #expect(try await browser.text(of: "main table").contains("read:people, write:destinations"))
                    try await browser.look(saving: Self.artefacts + "/desktop-02-issued.png")
                    // Shown once: the list does not show it again.
                    try await browser.open(base + "/admin/api-clients")
                    #expect(!(try await browser.text(of: "main").contains(token)))
                    #expect(try await browser.text(of: "main table").contains("Live"))

                    try await browser.open(base + "/api")
                    #expect(try await browser.text(of: "h1") == "Waymark API reference")
                    try await browser.look(saving: Self.artefacts + "/desktop-03-reference.png")
                    _ = try await browser.evaluate("document.getElementById('receiveTransfer').scrollIntoView(); return true;")
                    try await browser.look(saving: Self.artefacts + "/desktop-04-reference-transfers.png")
                }
                var headers = HTTPFields()
                headers[.authorization] = "Bearer \(token)"
                #expect(try await client.execute(uri: "/api/v1/client", method: .get, headers: headers).status == .ok, "the token works")

                try await WebDriver.withBrowser(width: 390, height: 844) { phone in
                    try await CampaignJourneyTests.signIn(phone, base, as: "administrator@northmere.example")
                    try await phone.open(base + "/admin/api-clients")
                    try await phone.look(saving: Self.artefacts + "/phone-00-list.png")
                    // The button sits in the table's sideways-scrolling region, where a WebDriver click on a phone misses: pressed from script.
                    _ = try await phone.evaluate("document.querySelector(\"form[action$='/revoke'] button\").click(); return true;")
                    #expect(try await phone.waitForText("revoked", in: ".notice").contains("no longer works"))
                    #expect(try await phone.text(of: "main table").contains("Revoked"))
                    try await phone.look(saving: Self.artefacts + "/phone-01-revoked.png")
                    try await phone.open(base + "/api")
                    let fits = try await phone.evaluate("return document.documentElement.scrollWidth <= window.innerWidth;") as? Bool
                    #expect(fits == true, "the reference fits a phone")
                    try await phone.look(saving: Self.artefacts + "/phone-02-reference.png")
                    _ = try await phone.evaluate("document.getElementById('transferOut').scrollIntoView(); return true;")
                    try await phone.look(saving: Self.artefacts + "/phone-03-reference-transfers.png")
                }
                #expect(try await client.execute(uri: "/api/v1/client", method: .get, headers: headers).status == .unauthorized, "revoked at once")
            }
        }
    }
}
