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

/// The data manager's month end in a real headless Chromium: check the
/// return, generate it, then read the figures and the survey.
@Suite(.serialized)
struct ReturnsJourneyTests {
    static let artefacts = FileManager.default.currentDirectoryPath + "/.build/artefacts/screenshots/returns"

    @Test(.enabled(if: ChromeDriverProcess.executable != nil, "chromedriver is not installed; browser journeys skipped"))
    func aDataManagerChecksGeneratesAndReadsTheFigures() async throws {
        let returns = FileManager.default.temporaryDirectory.appendingPathComponent("journey-returns-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: returns) }
        try await TestDatabases.withFreshStore(.sqlite) { store in
            let configuration = SyntheticLAConfiguration(seed: 5, people: 800, referenceDate: try CalendarDate(iso: "2026-11-18"), plantedErrorRate: 0.02)
            _ = try await DemoLoader(store: store, logger: .init(label: "journey")).load(SyntheticLA(configuration), now: WebTestHarness.now)
            let laID = try await OrganisationQueries(store: store).resolve(nil)
            _ = try await UserAccounts(store: store, cost: 4).add(
                email: WebTestHarness.email, displayName: "Priya Shah", role: .dataManager, password: WebTestHarness.password,
                organisationID: laID, by: .system("test"), at: WebTestHarness.now)
            let services = WebServices(
                store: store, registry: DemoAuthority.registry, laCode: try DemoAuthority.laCode, returnsDirectory: returns,
                passwordHasher: .forTests, now: { WebTestHarness.now })
            let app = try await buildApplication(services: services, configuration: WebConfiguration(port: 0), logger: .init(label: "browser"))
            try await WebTestHarness.withBackgroundJobs(store, returnsDirectory: returns) {
            try await app.test(.live) { client in
                let base = "http://127.0.0.1:\(try #require(client.port))"
                try await WebDriver.withBrowser { browser in
                    try await browser.open(base + "/sign-in")
                    try await browser.type(WebTestHarness.email, into: "#email")
                    try await browser.type(WebTestHarness.password, into: "#password")
                    try await browser.click("button[type=submit]")
                    #expect(try await browser.text(of: "h1") == "Young people today")

                    // the readiness page names the planted errors and what they concern, once the job has checked every record
                    try await browser.open(base + "/returns?period-end=2026-10-31")
                    #expect(try await browser.text(of: "h1") == "NCCIS return for 31 October 2026")
                    #expect(try await browser.waitForText("Readiness as at", in: "main").contains("Readiness as at"))
                    try await browser.look(saving: Self.artefacts + "/01-readiness.png")
                    let table = try await browser.text(of: "table")
                    #expect(table.contains("Error"))
                    // "Nothing would make NCCIS reject this file" beside a table of findings says why both are true.
                    let readiness = try await browser.text(of: "main")
                    #expect(!readiness.contains("Nothing would make NCCIS reject this file") || readiness.contains("do not stop the file"))

                    // generating the file adds it to the history with its checksum
                    try await browser.click("form[action='/returns'][method='post'] button[type=submit]")
                    let url = try await browser.waitForURL(endingWith: "period-end=2026-10-31")
                    #expect(url.hasSuffix("period-end=2026-10-31"))
                    // the file is in the history (Download) a moment before its job has finished and the page stops refreshing
                    #expect(try await browser.waitForText("Return file as at", in: "main").contains("Return file as at"))
                    #expect(try await browser.text(of: "main").contains("Download"))
                    try await browser.look(saving: Self.artefacts + "/02-generated.png")

                    // the figures and the survey read from the same records
                    try await browser.open(base + "/figures?month=2026-10")
                    #expect(try await browser.text(of: "h1") == "Figures at 31 October 2026")
                    #expect(try await browser.waitForText("By academic age", in: "main").contains("Figures as at"))
                    try await browser.look(saving: Self.artefacts + "/03-figures.png")
                    try await browser.open(base + "/activity-survey?year=2026")
                    #expect(try await browser.text(of: "h1") == "Annual Activity Survey 2026")
                    #expect(try await browser.waitForText("All schools", in: "main").contains("All schools"), "the survey job finishes and the page shows it")
                    let whole = try await browser.evaluate("""
                        const box = document.querySelector('main .table-scroll'); return box.scrollWidth <= box.clientWidth;
                        """) as? Bool
                    #expect(whole == true, "the survey table fits the window at 1280 px: no column is cut off")
                    try await browser.look(saving: Self.artefacts + "/04-survey.png")

                    // a record the readiness page links to opens on one page
                    try await browser.open(base + "/people/20")
                    #expect(try await browser.text(of: "main").contains("Pathway"))
                    try await browser.look(saving: Self.artefacts + "/05-record.png")
                }
            }
            }
        }
    }
}
