import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import SQLKit
import Testing
import WaymarkApp
import WaymarkCore
import WaymarkRecords
import WaymarkStore
import WaymarkTestSupport
@testable import WaymarkWeb

/// Searching in a real headless Chromium: nonsense answered with "No young
/// person matches" and what to try; part of a postcode listed as a compact
/// table paged through and opened; the same results on a phone, stacked.
/// Axe checks every page looked at.
@Suite(.serialized)
struct SearchJourneyTests {
    static let artefacts = FileManager.default.currentDirectoryPath + "/.build/artefacts/screenshots/search"

    @Test(.enabled(if: ChromeDriverProcess.executable != nil, "chromedriver is not installed; browser journeys skipped"))
    func nonsenseFindsNobodyAndAPartialPostcodePagesThroughACompactTable() async throws {
        try await TestDatabases.withFreshStore(.sqlite) { store in
            _ = try await DemoSetup(store: store, logger: .init(label: "journey"), passwordCost: 4).run(people: 800, seed: 21, now: WebTestHarness.now)
            // The outward code most people live in, and how many do.
            let busiest = try #require(try await store.sql.raw("""
                SELECT substr(replace(upper(postcode), ' ', ''), 1, length(replace(upper(postcode), ' ', '')) - 3) AS outward, COUNT(DISTINCT person_id) AS n
                FROM address WHERE valid_to IS NULL GROUP BY outward ORDER BY n DESC LIMIT 1
                """).first())
            let outward = try busiest.decode(column: "outward", as: String.self)
            let count = try busiest.decode(column: "n", as: Int.self)
            try #require(count > 25, "the demo puts more than a page of people in one outward code")
            let services = WebServices(store: store, registry: DemoAuthority.registry, laCode: try DemoAuthority.laCode, passwordCost: 4,
                                       passwordHasher: .forTests, now: { WebTestHarness.now })
            let app = try await buildApplication(services: services, configuration: WebConfiguration(port: 0), logger: .init(label: "browser"))
            try await app.test(.live) { client in
                let base = "http://127.0.0.1:\(try #require(client.port))"
                try await WebDriver.withBrowser(width: 1366, height: 900) { browser in
                    try await CampaignJourneyTests.signIn(browser, base)
                    try await browser.type("zzzzqqq", into: "#nav-q")
                    try await browser.click(".nav-search button")
                    _ = try await browser.waitForURL(endingWith: "zzzzqqq")
                    #expect(try await browser.text(of: ".no-match__title") == "No young person matches ‘zzzzqqq’.")
                    #expect(try await browser.evaluate("return document.querySelector('table') === null;") as? Bool == true)
                    try await browser.look(saving: Self.artefacts + "/01-no-match.png")

                    try await browser.setValue("", of: "#q")
                    try await browser.type(outward.lowercased(), into: "#q")
                    try await browser.click("main form[role=search] button")
                    _ = try await browser.waitForURL(endingWith: outward.lowercased())
                    #expect(try await browser.text(of: "#results-showing") == "Showing 1 to 25 of \(count) young people found, best match first.")
                    #expect(try await Self.rows(browser) == 25)
                    let screenful = try await browser.evaluate("""
                        const top = document.querySelector('table.search-results').getBoundingClientRect().top;
                        return [...document.querySelectorAll('table.search-results tbody tr')].filter(r => r.getBoundingClientRect().bottom - top <= window.innerHeight).length;
                        """) as? Int ?? 0
                    #expect(screenful >= 8, "a screen's height of the table shows many people (\(screenful)), not one and a half")
                    _ = try await browser.evaluate("document.querySelector('#results-showing').scrollIntoView(); return 1;")
                    try await browser.look(saving: Self.artefacts + "/02-area-page-1.png")
                    try await browser.click("a.pagination__next")
                    _ = try await browser.waitForURL(endingWith: "page=2")
                    #expect(try await browser.text(of: ".pagination__current") == "2")
                    #expect(try await browser.text(of: "#results-showing").hasPrefix("Showing 26 to"))
                    let link = try #require(try await browser.evaluate("return document.querySelector('table.search-results tbody a').getAttribute('href');") as? String)
                    try await browser.click("table.search-results tbody a")
                    _ = try await browser.waitForURL(endingWith: link)
                }
                try await WebDriver.withBrowser(width: 390, height: 844) { phone in
                    try await CampaignJourneyTests.signIn(phone, base)
                    try await phone.open(base + "/search?q=\(outward)")
                    #expect(try await Self.rows(phone) == 25)
                    let fits = try await phone.evaluate("return document.documentElement.scrollWidth <= window.innerWidth;") as? Bool
                    #expect(fits == true, "the results stack on a phone: nothing scrolls sideways")
                    let labelled = try await phone.evaluate("""
                        return getComputedStyle(document.querySelector('table.search-results td'), '::before').content;
                        """) as? String
                    #expect(labelled == "\"Date of birth: \"", "each line says what it is")
                    _ = try await phone.evaluate("document.querySelector('#results-showing').scrollIntoView(); return 1;")
                    try await phone.look(saving: Self.artefacts + "/03-phone.png")
                }
            }
        }
    }

    static func rows(_ browser: WebDriver) async throws -> Int {
        try await browser.evaluate("return document.querySelectorAll('table.search-results tbody tr').length;") as? Int ?? -1
    }
}
