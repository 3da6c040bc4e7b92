import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import Testing
import WaymarkApp
import WaymarkCore
import WaymarkRecords
import WaymarkStore
import WaymarkTestSupport
@testable import WaymarkWeb

/// The home page's dashboards in a real headless Chromium, on a wide screen
/// and a phone: a manager's team (per adviser, the work waiting and the
/// caseload's trend, each number opening a list of that length), the LA's
/// rates with sparklines and the comparators loaded; an adviser's own
/// caseload outcomes. Every page accessible (axe-core), screenshots kept.
@Suite(.serialized)
struct DashboardJourneyTests {
    static let artefacts = FileManager.default.currentDirectoryPath + "/.build/artefacts/screenshots/dashboard"

    static func signIn(_ browser: WebDriver, _ base: String, as email: String) async throws {
        try await browser.open(base + "/sign-in")
        try await browser.type(email, into: "#email")
        try await browser.type(DemoSetup.password, into: "#password")
        try await browser.click("button[type=submit]")
        _ = try await browser.waitForURL(endingWith: "/")
    }

    @Test(.enabled(if: ChromeDriverProcess.executable != nil, "chromedriver is not installed; browser journeys skipped"))
    func aManagerAndAnAdviserReadTheirDashboards() async throws {
        try await TestDatabases.withFreshStore(.sqlite) { store in
            _ = try await DemoSetup(store: store, logger: .init(label: "journey"), passwordCost: 4).run(people: 800, seed: 23, now: WebTestHarness.now)
            let loaded = try await ComparatorLoad(store: store).load("""
                area,name,month,measure,percentage
                england,,2026-10,neet,5.1
                england,,2026-10,not-known,2.3
                england,,2026-10,neet-or-not-known,7.4
                region,North West,2026-10,neet,5.9
                region,North West,2026-10,neet-or-not-known,8.0
                """, file: "comparators.csv", at: WebTestHarness.now)
            #expect((try? loaded.get()) == 5)
            let today = CalendarDate.today(from: WebTestHarness.now)
            let counts = try #require(try await HeadlineCountsRead(store: store).counts(responsibleLA: DemoAuthority.code, on: [today])[today])
            let services = WebServices(store: store, registry: DemoAuthority.registry, laCode: try DemoAuthority.laCode, passwordCost: 4, passwordHasher: .forTests, now: { WebTestHarness.now })
            let app = try await buildApplication(services: services, configuration: WebConfiguration(port: 0), logger: .init(label: "browser"))
            try await app.test(.live) { client in
                let base = "http://127.0.0.1:\(try #require(client.port))"
                try await WebDriver.withBrowser { browser in
                    try await Self.signIn(browser, base, as: "manager@northmere.example")
                    let rows = try await browser.evaluate("return document.querySelectorAll('.team-table tbody tr').length;") as? Int
                    #expect(rows == 5, "the demo's five advisers")
                    let sparklines = try await browser.evaluate("return document.querySelectorAll('.team-table svg.sparkline[role=img]').length;") as? Int
                    #expect(sparklines == 5)
                    let tiles = try await browser.evaluate("return [...document.querySelectorAll('.dashboard-tile .dashboard-detail')].map(e => e.textContent);") as? [String]
                    #expect(tiles?.first == "\(counts.neet.formatted()) young people", "the LA's NEET count is the kept count for today")
                    let comparators = try await browser.evaluate("return [...document.querySelectorAll('.comparators-table thead th')].map(e => e.textContent);") as? [String]
                    #expect(comparators?.dropFirst(2).map { $0 } == ["England", "Region (North West)"], "only the areas loaded: \(comparators ?? [])")
                    let notKnownRegion = try await browser.evaluate("return document.querySelectorAll('.comparators-table tbody tr')[1].cells[3].textContent;") as? String
                    #expect(notKnownRegion == "–", "a comparator not loaded is not shown")
                    try await browser.look(saving: Self.artefacts + "/01-manager-1280.png")

                    // The team charts: a bar per adviser with the table's numbers, largest first, and the team's line.
                    let team = try await browser.evaluate("""
                        const table = [...document.querySelectorAll('.team-table tbody tr')]
                            .map(row => [row.cells[0].textContent, row.cells[1].querySelector('a').firstChild.textContent]);
                        const chart = document.getElementById('team-caseload-chart-title').closest('svg');
                        const drawn = [...chart.querySelectorAll('.chart-bar')].map(bar => [bar.querySelector('text').textContent,
                            chart.querySelectorAll('.chart-value')[[...chart.querySelectorAll('.chart-bar')].indexOf(bar)].textContent]);
                        return {table: table.map(r => r.join('|')), drawn: drawn.map(r => r.join('|')),
                                lines: document.querySelectorAll('.report--team .chart-average line').length,
                                charts: document.querySelectorAll('.report--team svg[role=img]').length};
                        """) as? [String: Any]
                    let table = (team?["table"] as? [String] ?? []).map { row -> String in
                        let parts = row.split(separator: "|").map(String.init)
                        return parts[0] + "|" + parts[1]
                    }
                    let drawn = team?["drawn"] as? [String] ?? []
                    #expect(drawn.count == 5 && Set(drawn) == Set(table), "a bar for each adviser with the table's caseload: \(drawn) \(table)")
                    let sizes = drawn.compactMap { $0.split(separator: "|").last.flatMap { Int($0.replacingOccurrences(of: ",", with: "")) } }
                    #expect(sizes == sizes.sorted(by: >), "largest first")
                    #expect(team?["charts"] as? Int == 2 && team?["lines"] as? Int == 2, "caseload and contact rate, each with the team's line")
                    _ = try await browser.evaluate("document.querySelector('.report--team').scrollIntoView(); return true;")
                    try await browser.look(saving: Self.artefacts + "/07-team-charts-1280.png")

                    // Each adviser's number opens a list of that length.
                    let first = try await browser.evaluate("""
                        const link = document.querySelectorAll('.team-table tbody tr')[0].cells[4].querySelector('a');
                        return [link.firstChild.textContent, link.getAttribute('href')];
                        """) as? [String]
                    let number = try #require(first.flatMap { Int($0[0]) })
                    try await browser.open(base + (first?[1] ?? ""))
                    _ = try await browser.waitForText("NEET with no contact", in: "h1")
                    let listed = try await browser.evaluate("return document.querySelectorAll('main tbody tr').length;") as? Int
                    #expect(listed == number, "the list behind the number has that many young people")
                    try await browser.look(saving: Self.artefacts + "/02-manager-list-1280.png")
                }
                try await WebDriver.withBrowser(width: 390, height: 844) { phone in
                    try await Self.signIn(phone, base, as: "manager@northmere.example")
                    let fits = try await phone.evaluate("return document.documentElement.scrollWidth <= window.innerWidth;") as? Bool
                    #expect(fits == true, "only the tables scroll sideways on a phone")
                    try await phone.look(saving: Self.artefacts + "/03-manager-390.png")
                    _ = try await phone.evaluate("document.querySelector('.dashboard-tiles').scrollIntoView(); return true;")
                    try await phone.look(saving: Self.artefacts + "/04-manager-tiles-390.png")
                    _ = try await phone.evaluate("document.querySelector('.report--team').scrollIntoView(); return true;")
                    try await phone.look(saving: Self.artefacts + "/08-team-charts-390.png")
                    let chartWidth = try await phone.evaluate("return document.querySelector('.report--team svg').getBoundingClientRect().width;") as? NSNumber
                    #expect((chartWidth?.doubleValue ?? 0) > 300, "each team chart takes the phone's width")
                }
                try await WebDriver.withBrowser { browser in
                    try await Self.signIn(browser, base, as: "personal-adviser@northmere.example")
                    #expect(try await browser.text(of: "h1") == "My work today")
                    let outcomes = try await browser.evaluate("return document.querySelectorAll('#my-neet svg.sparkline, #my-not-known svg.sparkline, #my-eet svg.sparkline').length;") as? Int
                    #expect(outcomes == 3)
                    _ = try await browser.evaluate("document.getElementById('my-neet').scrollIntoView(); return true;")
                    try await browser.look(saving: Self.artefacts + "/05-adviser-1280.png")
                }
                try await WebDriver.withBrowser(width: 390, height: 844) { phone in
                    try await Self.signIn(phone, base, as: "personal-adviser@northmere.example")
                    let fits = try await phone.evaluate("return document.documentElement.scrollWidth <= window.innerWidth;") as? Bool
                    #expect(fits == true)
                    _ = try await phone.evaluate("document.getElementById('my-neet').scrollIntoView(); return true;")
                    try await phone.look(saving: Self.artefacts + "/06-adviser-390.png")
                }
            }
        }
    }
}
