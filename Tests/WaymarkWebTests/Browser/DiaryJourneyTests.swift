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

/// An adviser reads their week and steps to the next, and a day on its own;
/// a manager chooses an adviser's diary — in a real headless Chromium, at
/// desktop and phone width, with axe-core on each page.
@Suite(.serialized)
struct DiaryJourneyTests {
    static let artefacts = FileManager.default.currentDirectoryPath + "/.build/artefacts/screenshots/diary"

    @Test(.enabled(if: ChromeDriverProcess.executable != nil, "chromedriver is not installed; browser journeys skipped"))
    func anAdviserReadsTheirWeekAndAManagerChoosesAnAdvisersDiary() async throws {
        try await TestDatabases.withFreshStore(.sqlite) { store in
            _ = try await DemoSetup(store: store, logger: .init(label: "journey"), passwordCost: 4).run(people: 200, seed: 9, now: WebTestHarness.now)
            let services = WebServices(store: store, registry: DemoAuthority.registry, laCode: try DemoAuthority.laCode, passwordCost: 4,
                                       passwordHasher: .forTests, now: { WebTestHarness.now })
            let app = try await buildApplication(services: services, configuration: WebConfiguration(port: 0), logger: .init(label: "browser"))
            try await app.test(.live) { client in
                let base = "http://127.0.0.1:\(try #require(client.port))"
                for (width, height, name) in [(1280, 900, "desktop"), (390, 844, "phone")] {
                    try await WebDriver.withBrowser(width: width, height: height) { browser in
                        try await CampaignJourneyTests.signIn(browser, base, as: "personal-adviser@northmere.example")
                        try await browser.click("nav.site-nav a[href='/diary']")
                        let heading = try await browser.waitForText("Week beginning", in: "h1")
                        #expect(heading == "Week beginning Monday 16 November 2026")
                        #expect(try await browser.text(of: ".diary-day--today h2").contains("Wednesday 18 November 2026"))
                        _ = try await browser.evaluate("document.querySelector('.diary-entry').scrollIntoView(); return true")
                        try await browser.look(saving: "\(Self.artefacts)/\(name)-01-this-week.png")
                        // The demo books weekday appointments in the days ahead and marks some in the days behind missed.
                        let week = try await browser.text(of: "main")
                        #expect(week.contains("Booked") && week.contains("Youth hub, Northmere") && week.contains("Missed"))
                        try await browser.click("a[rel=prev]")
                        _ = try await browser.waitForText("Week beginning Monday 9 November 2026", in: "h1")
                        #expect(try await browser.text(of: "main").contains("Missed"))
                        try await browser.click("a[rel=next]")
                        _ = try await browser.waitForText("Week beginning Monday 16 November 2026", in: "h1")
                        try await browser.click("a[rel=next]")
                        _ = try await browser.waitForText("Week beginning Monday 23 November 2026", in: "h1")
                        try await browser.click(".diary-nav__spans a")
                        _ = try await browser.waitForText("Monday 23 November 2026", in: "h1")
                        #expect(try await browser.text(of: "main").contains("this day."))
                        try await browser.look(saving: "\(Self.artefacts)/\(name)-02-a-day.png")
                        // A page the adviser may not open is an error page with their navigation and the way back.
                        try await browser.open(base + "/imports")
                        #expect(try await browser.text(of: "h1") == "You cannot do this")
                        #expect(try await browser.text(of: "nav.site-nav").contains("Diary"))
                        try await browser.look(saving: "\(Self.artefacts)/\(name)-04-error-page.png")
                    }
                    try await WebDriver.withBrowser(width: width, height: height) { browser in
                        try await CampaignJourneyTests.signIn(browser, base, as: "manager@northmere.example")
                        try await browser.open(base + "/diary")
                        let first = try await browser.text(of: "h1")
                        #expect(first.hasPrefix("Week beginning"))
                        let other = try await browser.evaluate("return document.querySelectorAll('#diary-adviser option')[1].value")
                        try await browser.click("#diary-adviser option[value='\(try #require(other as? String))']")
                        try await browser.click(".diary-owner button[type=submit]")
                        _ = try await browser.waitForURL(endingWith: "&view=week&date=2026-11-16")
                        #expect(try await browser.text(of: ".caption").hasPrefix("Diary of "))
                        try await browser.look(saving: "\(Self.artefacts)/\(name)-03-manager.png")
                    }
                }
            }
        }
    }
}
