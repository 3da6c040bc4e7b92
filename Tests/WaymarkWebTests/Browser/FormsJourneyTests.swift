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

/// Forms that forgive, in a real headless Chromium: a date typed as day,
/// month and year with a box left out, the error followed to its box with
/// the label and message still on screen, then fixed; the activity form
/// asking only for what the chosen code needs and refusing a future start;
/// a repeated submission creating nothing. At desktop and phone width.
@Suite(.serialized)
struct FormsJourneyTests {
    static let artefacts = FileManager.default.currentDirectoryPath + "/.build/artefacts/screenshots/forms"

    @Test(.enabled(if: ChromeDriverProcess.executable != nil, "chromedriver is not installed; browser journeys skipped"))
    func anAdviserTypesDatesAsDayMonthAndYearAndTheActivityFormAsksOnlyWhatItsCodeNeeds() async throws {
        try await TestDatabases.withFreshStore(.sqlite) { store in
            _ = try await DemoSetup(store: store, logger: .init(label: "journey"), passwordCost: 4).run(people: 300, seed: 21, now: WebTestHarness.now)
            let adviser = try #require(try await UserQueries(store: store).user(email: "personal-adviser@northmere.example"))
            let caseload = try await CaseloadQueries(store: store).members(of: adviser.id, in: .authority(laCode: "990"))
            let person = try #require(caseload.first)
            let services = WebServices(store: store, registry: DemoAuthority.registry, laCode: try DemoAuthority.laCode, passwordCost: 4, passwordHasher: .forTests, now: { WebTestHarness.now })
            let app = try await buildApplication(services: services, configuration: WebConfiguration(port: 0), logger: .init(label: "browser"))
            try await app.test(.live) { client in
                let base = "http://127.0.0.1:\(try #require(client.port))"
                for (width, height, name) in [(1280, 900, "desktop"), (390, 844, "phone")] {
                    try await WebDriver.withBrowser(width: width, height: height) { browser in
                        try await Self.signIn(browser, base)
                        try await Self.followUpWithAMissingMonth(browser, base, person: person.id, store: store, shots: "\(Self.artefacts)/\(name)")
                        try await Self.activityAsksWhatItsCodeNeeds(browser, base, person: person.id, shots: "\(Self.artefacts)/\(name)")
                    }
                }
            }
        }
    }

    /// A file with a problem comes back with the kind still chosen, so the
    /// corrected file goes in without choosing it again. Desktop and phone.
    @Test(.enabled(if: ChromeDriverProcess.executable != nil, "chromedriver is not installed; browser journeys skipped"))
    func theImportFormKeepsItsKindAfterAnError() async throws {
        try await TestDatabases.withFreshStore(.sqlite) { store in
            _ = try await DemoSetup(store: store, logger: .init(label: "journey"), passwordCost: 4).run(people: 50, seed: 21, now: WebTestHarness.now)
            let services = WebServices(store: store, registry: DemoAuthority.registry, laCode: try DemoAuthority.laCode, passwordCost: 4, passwordHasher: .forTests, now: { WebTestHarness.now })
            let app = try await buildApplication(services: services, configuration: WebConfiguration(port: 0), logger: .init(label: "browser"))
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("import-journey-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            let file = folder.appendingPathComponent("enrolments.csv")
            try Data("Forename,Surname,DOB,Sex,UKPRN,Start date\nTobiah,Wrenfield,2009-13-02,M,10004927,2026-09-01\n".utf8).write(to: file)
            defer { try? FileManager.default.removeItem(at: folder) }
            try await app.test(.live) { client in
                let base = "http://127.0.0.1:\(try #require(client.port))"
                for (width, height, name) in [(1280, 900, "desktop"), (390, 844, "phone")] {
                    try await WebDriver.withBrowser(width: width, height: height) { browser in
                        try await browser.open(base + "/sign-in")
                        try await browser.type("tracking-officer@northmere.example", into: "#email")
                        try await browser.type(DemoSetup.password, into: "#password")
                        try await browser.click("button[type=submit]")
                        _ = try await browser.waitForURL(endingWith: "/")  // signed in: the home page, before the next address
                        try await browser.open(base + "/imports")
                        _ = try await browser.evaluate("document.querySelector('#kind').value = 'college_enrolments'; return 1")
                        try await browser.type(file.path, into: "#file")
                        try await browser.click("main form button[type=submit]")
                        #expect(try await browser.text(of: ".error-summary").contains("nothing was imported"))
                        #expect(try await browser.evaluate("return document.querySelector('#kind').value") as? String == "college_enrolments",
                                "the kind chosen is kept")
                        try await browser.look(saving: "\(Self.artefacts)/\(name)-05-import-kept-kind.png")
                        // The columns a college enrolments file needs, opened from the list under the form.
                        try await browser.click("details.import-columns:nth-of-type(2) summary")
                        let columns = try await browser.text(of: "details.import-columns[open]")
                        #expect(columns.contains("Date of birth") && columns.contains("Start date") && columns.contains("Download the template"))
                        _ = try await browser.evaluate("document.querySelector('details.import-columns[open]').scrollIntoView(); return 1")
                        try await browser.look(saving: "\(Self.artefacts)/\(name)-06-import-columns.png")
                    }
                }
            }
        }
    }

    static func signIn(_ browser: WebDriver, _ base: String) async throws {
        try await browser.open(base + "/sign-in")
        try await browser.type("personal-adviser@northmere.example", into: "#email")
        try await browser.type(DemoSetup.password, into: "#password")
        try await browser.click("button[type=submit]")
        #expect(try await browser.text(of: "h1") == "My work today")
    }

    /// A box left empty is named, the link goes to that box with its legend
    /// and message in view, and the fixed date saves once however often it is sent.
    static func followUpWithAMissingMonth(_ browser: WebDriver, _ base: String, person: Int64, store: Store, shots: String) async throws {
        let before = try await CaseworkQueries(store: store).openFollowUps(of: person).count
        try await browser.open(base + "/people/\(person)/follow-ups/new")
        try await browser.type("Chase the college about the application", into: "#description")
        try await browser.enterDate("due-on", "5", "", "2026")
        try await browser.click("main form button[type=submit]")
        let summary = try await browser.text(of: ".error-summary")
        #expect(summary.contains("The date it is due must include a month"))
        #expect(try await browser.evaluate("return document.querySelector('#due-on-day').value") as? String == "5", "what was typed is kept")
        try await browser.look(saving: shots + "-01-follow-up-error.png")
        try await browser.click(".error-summary a[href='#due-on-month']")
        // The legend and the message above the box are still on screen after the jump, not scrolled off the top.
        let inView = try await browser.evaluate("""
            const box = document.querySelector('#due-on-month').getBoundingClientRect();
            const legend = document.querySelector('#due-on-month').closest('fieldset').querySelector('legend').getBoundingClientRect();
            const message = document.querySelector('#due-on-error').getBoundingClientRect();
            return legend.top >= 0 && message.top >= 0 && box.bottom <= window.innerHeight;
            """) as? Bool
        #expect(inView == true, "following the link keeps the legend and message in view")
        try await browser.enterDate("due-on", "5", "Dec", "2026")
        try await browser.click("main form button[type=submit]")
        _ = try await browser.waitForURL(endingWith: "saved=follow-up#follow-ups")
        #expect(try await CaseworkQueries(store: store).openFollowUps(of: person).count == before + 1)
        // Another, then Back and Save again: the one-time token has been spent, so the repeat creates nothing.
        try await browser.open(base + "/people/\(person)/follow-ups/new")
        try await browser.type("Send the apprenticeship list", into: "#description")
        try await browser.click("main form button[type=submit]")
        _ = try await browser.waitForURL(endingWith: "saved=follow-up#follow-ups")
        _ = try await browser.evaluate("history.back(); return 1")
        _ = try await browser.waitForURL(endingWith: "/follow-ups/new")
        try await browser.click("main form button[type=submit]")
        _ = try await browser.waitForURL(endingWith: "#follow-ups")
        #expect(try await CaseworkQueries(store: store).openFollowUps(of: person).count == before + 2, "a repeat creates nothing")
    }

    /// First the activity; then only its fields, in the order a person thinks of them.
    static func activityAsksWhatItsCodeNeeds(_ browser: WebDriver, _ base: String, person: Int64, shots: String) async throws {
        try await browser.open(base + "/people/\(person)/activity/new")
        #expect(try await Self.count(browser, "input[id$='-day']") == 0, "the first step asks only for the activity")
        try await browser.look(saving: shots + "-02-activity-choose.png")
        try await browser.click("#code option[value='230']")
        try await browser.click("main form button[type=submit]")
        _ = try await browser.waitForURL(endingWith: "code=230")
        #expect(try await Self.count(browser, "#neet-start-date-day") == 0, "further education has no NEET start date")
        #expect(try await Self.count(browser, "#predicted-end-date-day") == 1)
        #expect(try await Self.count(browser, "#ukprn") == 1)
        let order = try await browser.evaluate("return Array.from(document.querySelectorAll('main form legend')).map(l => l.textContent).join('|')") as? String
        #expect(order == "Start date|Predicted end date|Review date (optional)|Date ascertained|Date verified (optional)", "\(order ?? "")")
        // A start next year is refused: the return reports what they are doing now.
        try await browser.enterDate("start-date", "5", "1", "2027")
        try await browser.enterDate("predicted-end-date", "30", "6", "2027")
        try await browser.click("main form button[type=submit]")
        #expect(try await browser.text(of: ".error-summary").contains("The start date cannot be in the future"))
        try await browser.look(saving: shots + "-03-activity-future-start.png")

        try await browser.open(base + "/people/\(person)/activity/new?code=619")
        #expect(try await Self.count(browser, "#neet-start-date-day") == 1, "seeking work is NEET: its start date is asked")
        #expect(try await Self.count(browser, "#predicted-end-date-day") == 0)
        #expect(try await Self.count(browser, "#establishment-name") == 0)
        try await browser.look(saving: shots + "-04-activity-neet.png")
    }

    static func count(_ browser: WebDriver, _ selector: String) async throws -> Int {
        (try await browser.evaluate("return document.querySelectorAll(\"\(selector)\").length") as? NSNumber)?.intValue ?? -1
    }
}
