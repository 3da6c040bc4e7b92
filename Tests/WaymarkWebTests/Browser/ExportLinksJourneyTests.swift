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

/// Every list offers "Download CSV" and "Download Excel (.xlsx)" under it, in
/// words, and each link fetches its file — in a real headless Chromium, at
/// desktop and phone width, with axe-core on each page.
@Suite(.serialized)
struct ExportLinksJourneyTests {
    static let artefacts = FileManager.default.currentDirectoryPath + "/.build/artefacts/screenshots/exports"

    @Test(.enabled(if: ChromeDriverProcess.executable != nil, "chromedriver is not installed; browser journeys skipped"))
    func theListsOfferBothDownloadsAndEachFetchesItsFile() async throws {
        try await TestDatabases.withFreshStore(.sqlite) { store in
            _ = try await DemoSetup(store: store, logger: .init(label: "journey"), passwordCost: 4).run(people: 300, seed: 9, now: WebTestHarness.now)
            let services = WebServices(store: store, registry: DemoAuthority.registry, laCode: try DemoAuthority.laCode, passwordCost: 4,
                                       passwordHasher: .forTests, now: { WebTestHarness.now })
            let app = try await buildApplication(services: services, configuration: WebConfiguration(port: 0), logger: .init(label: "browser"))
            try await app.test(.live) { client in
                let base = "http://127.0.0.1:\(try #require(client.port))"
                for (width, height, name) in [(1280, 900, "desktop"), (390, 844, "phone")] {
                    try await WebDriver.withBrowser(width: width, height: height) { browser in
                        try await CampaignJourneyTests.signIn(browser, base, as: "tracking-officer@northmere.example")
                        try await browser.open(base + "/queues?queue=not-known")
                        try await Self.expectDownloads(browser, allPages: true)
                        try await browser.look(saving: "\(Self.artefacts)/\(name)-01-queue.png")
                        try await browser.click(".account button")
                        _ = try await browser.waitForURL(endingWith: "/sign-in")

                        try await CampaignJourneyTests.signIn(browser, base, as: "manager@northmere.example")
                        try await Self.expectDownloads(browser, allPages: false)
                        _ = try await browser.evaluate("document.querySelector('.downloads').scrollIntoView(); return true")
                        try await browser.look(saving: "\(Self.artefacts)/\(name)-02-team.png")
                        try await browser.click("main table a[href^='/team/']")
                        _ = try await browser.waitForText("Caseload of", in: "h1")
                        try await Self.expectDownloads(browser, allPages: false)
                        try await browser.look(saving: "\(Self.artefacts)/\(name)-03-caseload.png")
                        try await browser.click(".account button")
                        _ = try await browser.waitForURL(endingWith: "/sign-in")

                        try await CampaignJourneyTests.signIn(browser, base, as: "personal-adviser@northmere.example")
                        try await browser.open(base + "/diary")
                        try await Self.expectDownloads(browser, allPages: false)
                        try await browser.look(saving: "\(Self.artefacts)/\(name)-04-diary.png")
                    }
                }
            }
        }
    }

    /// Both links, in words, each fetching a file of its kind with the session's cookie.
    static func expectDownloads(_ browser: WebDriver, allPages: Bool) async throws {
        let links = try await browser.text(of: ".downloads")
        let suffix = allPages ? " (all pages)" : ""
        #expect(links.contains("Download CSV" + suffix), "\(links)")
        #expect(links.contains("Download Excel (.xlsx" + (allPages ? ", all pages)" : ")")), "\(links)")
        for (format, type) in [("csv", "text/csv; charset=utf-8"), ("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")] {
            let answer = try await browser.evaluateAsync("""
                const done = arguments[arguments.length - 1];
                const link = document.querySelector(".downloads a[href*='format=\(format)']");
                fetch(link.href).then(r => r.arrayBuffer().then(b => done(r.status + " " + r.headers.get("content-type") + " " + b.byteLength)))
                  .catch(e => done("failed " + e));
                """) as? String
            let parts = (answer ?? "").split(separator: " ")
            #expect(parts.first == "200", "\(format): \(answer ?? "")")
            #expect(answer?.contains(type) == true, "\(format): \(answer ?? "")")
            #expect((parts.last.flatMap { Int($0) } ?? 0) > 60, "\(format): a file with more than a header in it")
        }
    }
}
