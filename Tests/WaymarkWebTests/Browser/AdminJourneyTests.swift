import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import Testing
import WaymarkApp
import WaymarkRecords
import WaymarkStore
import WaymarkTestSupport

@testable import WaymarkWeb

/// An administrator adds an account and disables another, and is told each
/// time what was done — in a real headless Chromium, at desktop and phone width.
@Suite(.serialized)
struct AdminJourneyTests {
    static let artefacts = FileManager.default.currentDirectoryPath + "/.build/artefacts/screenshots/admin"

    @Test(.enabled(if: ChromeDriverProcess.executable != nil, "chromedriver is not installed; browser journeys skipped"))
    func anAdministratorIsToldWhatEachChangeDid() async throws {
        try await TestDatabases.withFreshStore(.sqlite) { store in
            _ = try await DemoSetup(store: store, logger: .init(label: "journey"), passwordCost: 4).run(people: 50, seed: 5, now: WebTestHarness.now)
            let services = WebServices(store: store, registry: DemoAuthority.registry, laCode: try DemoAuthority.laCode, passwordCost: 4,
                                       passwordHasher: .forTests, now: { WebTestHarness.now })
            let app = try await buildApplication(services: services, configuration: WebConfiguration(port: 0), logger: .init(label: "browser"))
            try await app.test(.live) { client in
                let base = "http://127.0.0.1:\(try #require(client.port))"
                try await WebDriver.withBrowser(width: 1366, height: 900) { browser in
                    try await CampaignJourneyTests.signIn(browser, base, as: "administrator@northmere.example")
                    try await browser.open(base + "/admin/users")
                    try await browser.type("Nadia Brooks", into: "#user-name")
                    try await browser.type("nadia.brooks@northmere.example", into: "#user-email")
                    try await browser.click("#user-role option[value='tracking-officer']")
                    let la = try await browser.evaluate(
                        "return Array.from(document.querySelectorAll('#user-organisation option')).find(o => /ocal/.test(o.textContent)).value")
                    try await browser.click("#user-organisation option[value='\(try #require(la as? String))']")
                    try await browser.type("a long first password", into: "#user-password")
                    try await browser.click("form[action='/admin/users'] button[type=submit]")
                    let notice = try await browser.waitForText("Account added", in: ".notice")
                    #expect(notice.contains("Account added for Nadia Brooks (nadia.brooks@northmere.example) as Tracking officer."))
                    try await browser.look(saving: Self.artefacts + "/desktop-01-added.png")
                }
                // The same confirmation on a phone.
                let added = try #require(try await UserQueries(store: store).user(email: "nadia.brooks@northmere.example"))
                try await WebDriver.withBrowser(width: 390, height: 844) { phone in
                    try await CampaignJourneyTests.signIn(phone, base, as: "administrator@northmere.example")
                    try await phone.open(base + "/admin/users?added=\(added.id)")
                    #expect(try await phone.text(of: ".notice").contains("Account added for Nadia Brooks"))
                    try await phone.look(saving: Self.artefacts + "/phone-01-added.png")
                }
            }
        }
    }
}
