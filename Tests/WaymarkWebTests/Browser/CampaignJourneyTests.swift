import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import SQLKit
import Testing
import WaymarkApp
import WaymarkCore
import WaymarkStore
import WaymarkTestSupport
@testable import WaymarkWeb

/// Finding the not known, in a real headless Chromium: a tracking officer
/// builds and sends a text campaign from the queue; a young person answers on
/// a phone-sized screen; the officer verifies the answer and the not-known
/// count on the home page drops by one.
@Suite(.serialized)
struct CampaignJourneyTests {
    static let artefacts = FileManager.default.currentDirectoryPath + "/.build/artefacts/screenshots/campaign"

    @Test(.enabled(if: ChromeDriverProcess.executable != nil, "chromedriver is not installed; browser journeys skipped"))
    func aCampaignIsSentAnsweredOnAPhoneAndVerified() async throws {
        try await TestDatabases.withFreshStore(.sqlite) { store in
            _ = try await DemoSetup(store: store, logger: .init(label: "journey"), passwordCost: 4).run(people: 800, seed: 33, now: WebTestHarness.now)
            let services = WebServices(store: store, registry: DemoAuthority.registry, laCode: try DemoAuthority.laCode, passwordCost: 4,
                                       headlineCountsLifetime: 0, passwordHasher: .forTests, now: { WebTestHarness.now })
            let app = try await buildApplication(services: services, configuration: WebConfiguration(port: 0), logger: .init(label: "browser"))
            try await app.test(.live) { client in
                let base = "http://127.0.0.1:\(try #require(client.port))"
                var notKnownBefore = 0
                try await WebDriver.withBrowser { browser in
                    try await Self.signIn(browser, base)
                    notKnownBefore = try await Self.notKnown(browser)
                    #expect(notKnownBefore > 0, "the demo LA has young people whose activity is not known")
                    try await browser.click("nav a[href='/queues']")
                    // Assign with nobody ticked: the queue comes back with an error summary that links to the list.
                    try await browser.click("form[action='/queues/assign'] button[type=submit]")
                    #expect(try await browser.text(of: ".error-summary").contains("Tick the young people to assign"))
                    try await browser.look(saving: Self.artefacts + "/00-assign-nobody.png")
                    try await browser.click("a[href^='/campaigns/new?queue=not-known']")
                    #expect(try await browser.text(of: "h1") == "Start a campaign")
                    try await browser.look(saving: Self.artefacts + "/01-campaign-form.png")
                    try await browser.click("main form button[type=submit]")
                    let preview = try await browser.text(of: "main")
                    #expect(preview.contains("young people will be contacted"))
                    #expect(preview.contains("Hi "), "the merged text is shown before sending")
                    try await browser.look(saving: Self.artefacts + "/02-check-before-sending.png")
                    try await browser.click("form[action$='/send'] button")
                    _ = try await browser.waitForURL(endingWith: "sent=" + (try await Self.sentCount(store)))
                    #expect(try await browser.text(of: ".notice--success").contains("texts queued to send"))
                    #expect(try await browser.text(of: ".notice--warning").contains("Texts are not set up on this server"),
                            "this server has no text gateway, and the page says nothing can go until one is configured")
                    try await browser.look(saving: Self.artefacts + "/03-sent.png")
                }

                // The worker would put this link in the text; the young person opens it on their phone.
                let message = try #require(try await Self.firstMessage(store))
                let text = try await SelfServiceLinks(store: store, baseURL: base).personalise(message, now: WebTestHarness.now).body
                let link = try #require(text.split(separator: " ").last.map(String.init))
                try await WebDriver.withBrowser(width: 390, height: 844) { phone in
                    try await phone.open(link)
                    #expect(try await phone.text(of: "h1") == "Tell us what you are doing")
                    let fits = try await phone.evaluate("return document.documentElement.scrollWidth <= window.innerWidth;") as? Bool
                    #expect(fits == true, "nothing is wider than a phone screen")
                    try await phone.look(saving: Self.artefacts + "/04-phone-form.png")
                    try await phone.click("#choice-apprenticeship")
                    try await phone.type("Northmere Motors", into: "#place")
                    try await phone.type("9", into: "#since-month")
                    try await phone.type("2026", into: "#since-year")
                    try await phone.type("07700 900456", into: "#phone")
                    try await phone.click("#contact-by-sms")
                    try await phone.click("main form button[type=submit]")
                    #expect(try await phone.text(of: "h1") == "Thank you")
                    try await phone.look(saving: Self.artefacts + "/05-phone-thanks.png")
                }

                try await WebDriver.withBrowser { browser in
                    try await Self.signIn(browser, base)
                    try await browser.click("nav a[href='/answers']")
                    #expect(try await browser.text(of: "main table").contains("Doing an apprenticeship"))
                    try await browser.look(saving: Self.artefacts + "/06-answers.png")
                    try await browser.click("form[action$='/verify'] button")
                    _ = try await browser.waitForURL(endingWith: "verified=1")
                    #expect(try await browser.text(of: ".notice").contains("Answer verified"))
                    try await browser.click("a.brand")
                    #expect(try await Self.notKnown(browser) == notKnownBefore - 1, "the verified answer leaves the not-known count")
                    try await browser.open(base + "/campaigns/1/report")
                    #expect(try await browser.text(of: ".figures-summary").contains("1 not known resolved"))
                    try await browser.look(saving: Self.artefacts + "/07-report.png")
                    let report = try await browser.evaluate("""
                        const row = document.querySelector('.report-table tbody tr');
                        return {charts: document.querySelectorAll('main svg.chart--grouped[role=img]').length,
                                bars: document.querySelector('#campaign-channel-chart-title').closest('svg').querySelectorAll('.chart-bar').length,
                                cells: [...row.cells].map(c => c.textContent)};
                        """) as? [String: Any]
                    #expect(report?["charts"] as? Int == 4, "by channel, age, characteristic and ward")
                    #expect(report?["bars"] as? Int == 2, "answered and resolved for the one channel")
                    let cells = report?["cells"] as? [String] ?? []
                    #expect(cells.count == 8 && cells[0] == "Text message" && cells[3] == "0" && cells[2] != "0",
                            "contacted, but no text has left the queue without a gateway, so none is sent: \(cells)")
                    _ = try await browser.evaluate("document.querySelector('.report--figures').scrollIntoView(); return true;")
                    try await browser.look(saving: Self.artefacts + "/08-report-charts-1280.png")
                }
                try await WebDriver.withBrowser(width: 390, height: 844) { phone in
                    try await Self.signIn(phone, base)
                    try await phone.open(base + "/campaigns/1/report")
                    let fits = try await phone.evaluate("return document.documentElement.scrollWidth <= window.innerWidth;") as? Bool
                    #expect(fits == true, "only the tables scroll sideways on a phone")
                    try await phone.look(saving: Self.artefacts + "/09-report-390.png")
                    _ = try await phone.evaluate("document.querySelector('.report--figures').scrollIntoView(); return true;")
                    try await phone.look(saving: Self.artefacts + "/10-report-charts-390.png")
                }
            }
        }
    }

    static func signIn(_ browser: WebDriver, _ base: String, as email: String = "tracking-officer@northmere.example") async throws {
        try await browser.open(base + "/sign-in")
        try await browser.type(email, into: "#email")
        try await browser.type(DemoSetup.password, into: "#password")
        try await browser.click("button[type=submit]")
        _ = try await browser.waitForURL(endingWith: "/")
    }

    /// The not-known figure on the home page.
    static func notKnown(_ browser: WebDriver) async throws -> Int {
        let figures = try await browser.text(of: "dl.figures")
        let lines = figures.split(separator: "\n").map(String.init)
        let index = try #require(lines.firstIndex(of: "Not known"))
        return try #require(Int(lines[index + 1].split(separator: " ")[0].replacingOccurrences(of: ",", with: "")))
    }

    static func sentCount(_ store: Store) async throws -> String {
        String(try await store.sql.raw("SELECT COUNT(*) AS n FROM campaign_member WHERE included = \(bind: true)").first()?.decode(column: "n", as: Int.self) ?? 0)
    }

    static func firstMessage(_ store: Store) async throws -> OutboxMessage? {
        guard let id = try await store.sql.select().column("id").from("outbox_message").orderBy("id").first()?.decode(column: "id", as: Int64.self) else { return nil }
        return try await Outbox(store: store).message(id)
    }
}
