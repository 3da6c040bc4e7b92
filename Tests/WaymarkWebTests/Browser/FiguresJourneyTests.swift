import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import Testing
import WaymarkApp
import WaymarkCore
import WaymarkRecords
import WaymarkStore
import WaymarkSynthetic
import WaymarkTestSupport
@testable import WaymarkWeb

/// A manager reads the figures' charts in a real headless Chromium, on a
/// wide screen and on a phone: the trend, the maps by ward and every
/// breakdown drawn, each named, the page accessible and nothing wider than a phone.
@Suite(.serialized)
struct FiguresJourneyTests {
    static let artefacts = FileManager.default.currentDirectoryPath + "/.build/artefacts/screenshots/figures"

    /// The charts' accessible names, in page order.
    static let titles = [
        "NEET and not known, month by month, to October 2026",
        "September Guarantee: share with an offer recorded, week by week to 31 October 2026", "NEET by ward", "Not known by ward", "NEET or not known by academic age", "NEET or not known by gender",
        "NEET or not known by SEND", "NEET or not known by vulnerable group", "NEET or not known by ethnic group", "NEET or not known by ward",
        "NEET or not known by school attended in Year 11",
    ]

    static func signIn(_ browser: WebDriver, _ base: String) async throws {
        try await browser.open(base + "/sign-in")
        try await browser.type(WebTestHarness.email, into: "#email")
        try await browser.type(WebTestHarness.password, into: "#password")
        try await browser.click("button[type=submit]")
        _ = try await browser.waitForURL(endingWith: "/")
    }

    /// Scrolls a chart's heading to the top of the window, for a screenshot of it.
    static func show(_ browser: WebDriver, _ chart: String) async throws {
        _ = try await browser.evaluate("document.getElementById('\(chart)-title').closest('.report').previousElementSibling.previousElementSibling.scrollIntoView(); return true;")
    }

    @Test(.enabled(if: ChromeDriverProcess.executable != nil, "chromedriver is not installed; browser journeys skipped"))
    func aManagerReadsTheChartsOnAWideScreenAndAPhone() async throws {
        try await TestDatabases.withFreshStore(.sqlite) { store in
            let configuration = SyntheticLAConfiguration(seed: 5, people: 800, referenceDate: try CalendarDate(iso: "2026-11-18"))
            _ = try await DemoLoader(store: store, logger: .init(label: "journey")).load(SyntheticLA(configuration), now: WebTestHarness.now)
            let laID = try await OrganisationQueries(store: store).resolve(nil)
            _ = try await UserAccounts(store: store, cost: 4).add(
                email: WebTestHarness.email, displayName: "Sam Okoro", role: .manager, password: WebTestHarness.password,
                organisationID: laID, by: .system("test"), at: WebTestHarness.now)
            let services = WebServices(
                store: store, registry: DemoAuthority.registry, laCode: try DemoAuthority.laCode, returnsDirectory: NSTemporaryDirectory(),
                passwordHasher: .forTests, now: { WebTestHarness.now })
            let app = try await buildApplication(services: services, configuration: WebConfiguration(port: 0), logger: .init(label: "browser"))
            try await WebTestHarness.withBackgroundJobs(store, returnsDirectory: NSTemporaryDirectory()) {
            try await app.test(.live) { client in
                let base = "http://127.0.0.1:\(try #require(client.port))"
                try await WebDriver.withBrowser { browser in
                    try await Self.signIn(browser, base)
                    try await browser.open(base + "/figures?month=2026-10")
                    #expect(try await browser.waitForText("By school attended in Year 11", in: "main").contains("Figures as at"))
                    let titles = try await browser.evaluate("""
                        return [...document.querySelectorAll('main svg[role=img]')].map(svg => svg.querySelector('title').textContent);
                        """) as? [String]
                    #expect(titles == Self.titles)
                    let lines = try await browser.evaluate("return document.querySelectorAll('#trend-chart-title ~ g polyline').length;") as? Int
                    #expect(lines == 4, "three lines for this year and last year's ghost")
                    let ghost = try await browser.evaluate("return document.querySelectorAll('.chart-series--ghost polyline').length;") as? Int
                    #expect(ghost == 1)
                    let average = try await browser.evaluate("return document.querySelectorAll('.chart-span').length;") as? Int
                    #expect(average == 1, "December 2025 to February 2026 marked")
                    let wards = try await browser.evaluate("""
                        const chart = document.getElementById('ward-chart-title').closest('svg');
                        const table = chart.closest('.report').querySelector('tbody');
                        return [chart.querySelectorAll('rect').length, table.rows.length];
                        """) as? [Int]
                    #expect(wards?.count == 2 && wards?[0] == wards?[1] && (wards?[0] ?? 0) > 1, "one bar for each ward in the table: \(wards ?? [])")
                    let drawn = try await browser.evaluate("return document.querySelector('#trend-chart-title').closest('svg').getBoundingClientRect().height;") as? NSNumber
                    #expect((drawn?.doubleValue ?? 0) > 200, "the trend chart is drawn at a readable size")
                    try await Self.show(browser, "trend-chart")
                    try await browser.look(saving: Self.artefacts + "/01-trend-1280.png")
                    try await Self.show(browser, "ward-chart")
                    try await browser.look(saving: Self.artefacts + "/02-wards-1280.png")
                    let guarantee = try await browser.evaluate("""
                        const chart = document.getElementById('guarantee-chart-title').closest('svg');
                        return [chart.querySelectorAll('polyline').length, chart.querySelector('polyline').getAttribute('points').split(' ').length,
                                document.querySelector('.guarantee-table tbody').rows.length];
                        """) as? [Int]
                    #expect(guarantee == [3, 9, 9], "three lines, a point a week from 7 September and the month end, each a row: \(guarantee ?? [])")
                    try await Self.show(browser, "guarantee-chart")
                    try await browser.look(saving: Self.artefacts + "/07-guarantee-1280.png")
                    let regions = try await browser.evaluate("""
                        return [...document.querySelectorAll('.chart--map')].map(svg => svg.querySelectorAll('path.map-region').length)
                            .concat([document.querySelector('.ward-table tbody').rows.length]);
                        """) as? [Int]
                    #expect(regions == [16, 16, 16], "each map has a region for each of the 16 wards, and the table a row: \(regions ?? [])")
                    let shaded = try await browser.evaluate("return new Set([...document.querySelectorAll('#ward-map-neet-title ~ g path.map-region')].map(p => p.getAttribute('fill'))).size;") as? Int
                    #expect((shaded ?? 0) > 1, "the wards differ in shade")
                    _ = try await browser.evaluate("document.getElementById('ward-maps').scrollIntoView(); return true;")
                    try await browser.look(saving: Self.artefacts + "/05-ward-maps-1280.png")
                }
                try await WebDriver.withBrowser(width: 390, height: 844) { phone in
                    try await Self.signIn(phone, base)
                    try await phone.open(base + "/figures?month=2026-10")
                    #expect(try await phone.waitForText("By school attended in Year 11", in: "main").contains("Figures as at"))
                    let fits = try await phone.evaluate("return document.documentElement.scrollWidth <= window.innerWidth;") as? Bool
                    #expect(fits == true, "only the tables scroll sideways on a phone")
                    let width = try await phone.evaluate("return document.querySelector('#trend-chart-title').closest('svg').getBoundingClientRect().width;") as? NSNumber
                    #expect((width?.doubleValue ?? 0) > 300, "the chart takes the phone's width")
                    try await Self.show(phone, "trend-chart")
                    try await phone.look(saving: Self.artefacts + "/03-trend-390.png")
                    try await Self.show(phone, "ward-chart")
                    try await phone.look(saving: Self.artefacts + "/04-wards-390.png")
                    try await Self.show(phone, "guarantee-chart")
                    try await phone.look(saving: Self.artefacts + "/08-guarantee-390.png")
                    _ = try await phone.evaluate("document.getElementById('ward-maps').scrollIntoView(); return true;")
                    try await phone.look(saving: Self.artefacts + "/06-ward-maps-390.png")
                    let mapWidth = try await phone.evaluate("return document.querySelector('.chart--map').getBoundingClientRect().width;") as? NSNumber
                    #expect((mapWidth?.doubleValue ?? 0) > 300, "the map takes the phone's width")
                }
            }
            }
        }
    }
}
