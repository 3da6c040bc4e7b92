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

/// The everyday record tools in a real headless Chromium, at desktop and
/// phone width: a tracking officer adds a young person by hand, is shown
/// the record that might already be them, says it is not and lands on the
/// new record; corrects the name with a reason and sees the history; and
/// adds the young person's mother as a contact.
@Suite(.serialized)
struct RecordToolsJourneyTests {
    static let artefacts = FileManager.default.currentDirectoryPath + "/.build/artefacts/screenshots/record-tools"

    @Test(.enabled(if: ChromeDriverProcess.executable != nil, "chromedriver is not installed; browser journeys skipped"), arguments: [1280, 390])
    func aTrackingOfficerAddsAPersonCorrectsTheirNameAndAddsTheirMother(width: Int) async throws {
        try await TestDatabases.withFreshStore(.sqlite) { store in
            let fixture = try await AccessFixture.build(store)
            let services = WebServices(store: store, registry: DemoAuthority.registry, laCode: try DemoAuthority.laCode, passwordCost: 4, passwordHasher: .forTests,
                                       now: { WebTestHarness.now })
            let app = try await buildApplication(services: services, configuration: WebConfiguration(port: 0), logger: .init(label: "browser"))
            let shots = Self.artefacts + (width < 600 ? "/phone" : "/desktop")
            try await app.test(.live) { client in
                let base = "http://127.0.0.1:\(try #require(client.port))"
                try await WebDriver.withBrowser(width: width, height: width < 600 ? 844 : 900) { browser in
                    try await BreakGlassJourneyTests.signIn(browser, base, as: .trackingOfficer)
                    try await browser.open(base + "/search?q=amarah%20okafur")
                    try await browser.click("main a[href='/people/new']")
                    _ = try await browser.waitForURL(endingWith: "/people/new")
                    try await browser.look(saving: shots + "/01-add-form.png")

                    // Nothing typed: every field is named in the summary, and the form comes back.
                    try await browser.click("main form button[type=submit]")
                    let problems = try await browser.text(of: ".error-summary")
                    #expect(problems.contains("Enter their given name") && problems.contains("Enter their date of birth") && problems.contains("Choose their gender"))
                    try await browser.look(saving: shots + "/02-add-problems.png")

                    // The same birthday and a close spelling of someone already recorded.
                    try await browser.type("Amarah", into: "#given-name")
                    try await browser.type("Okafor", into: "#family-name")
                    try await browser.enterDate("date-of-birth", "14", "3", "2009")
                    try await browser.click("input[name=gender][value=F]")
                    try await browser.type("nm3 4qt", into: "#postcode")
                    try await browser.click("main form button[type=submit]")
                    _ = try await browser.waitForText("is not already recorded", in: "h1")
                    #expect(try await browser.text(of: "main table").contains("Amara Okafor"), "the possible duplicate is offered")
                    #expect(try await browser.evaluate("return document.querySelector(\"main table a[href='/people/\(fixture.onCaseload)']\") !== null;") as? Bool == true)
                    try await browser.look(saving: shots + "/03-possible-duplicate.png")
                    try await ConsentJourneyTests.scrollToEnd(browser, saving: shots + "/03b-possible-duplicate-end.png")

                    try await browser.click("main form button[type=submit]:not([name=edit])")
                    let record = try await browser.waitForURL(endingWith: "saved=person-added")
                    let id = try #require(record.split(separator: "/").last.flatMap { Int64($0.prefix { $0.isNumber }) })
                    #expect(id != fixture.onCaseload)
                    #expect(try await browser.text(of: "main").contains("Young person added"))
                    #expect(try await browser.text(of: "h1") == "Amarah Okafor")
                    try await browser.look(saving: shots + "/04-new-record.png")
                    #expect(try await store.sql.select().column("source").from("young_person").where("id", .equal, id)
                        .first(decodingColumn: "source", as: String.self) == "entered by hand")

                    // Correct the name: the reason is required, then the history shows it.
                    try await browser.open(base + "/people/\(id)/details")
                    try await browser.click("#correction-form summary")
                    try await browser.setValue("Amara", of: "#correct-given-name")
                    try await browser.click("form[action$='/corrections'] button[type=submit]")
                    #expect(try await browser.text(of: ".error-summary").contains("Choose why the record is being corrected"))
                    try await browser.look(saving: shots + "/05-correction-needs-reason.png")
                    try await browser.click("input[name=correction-reason][value=spelling-mistake]")
                    try await browser.click("form[action$='/corrections'] button[type=submit]")
                    _ = try await browser.waitForText("Corrected", in: "main")
                    let history = try await browser.text(of: ".correction-history")
                    #expect(history.contains("Amarah → Amara") && history.contains("Spelling mistake") && history.contains("Tracking officer user"))
                    try await browser.look(saving: shots + "/06-correction-history.png")
                    _ = try await browser.evaluate("document.getElementById('corrections').scrollIntoView(); return 0;")
                    try await browser.screenshot(to: shots + "/06b-correction-history-scrolled.png")

                    // Their mother as a contact.
                    try await browser.open(base + "/people/\(id)")
                    try await browser.click("a[href='/people/\(id)/family-and-professionals']")
                    _ = try await browser.waitForURL(endingWith: "/family-and-professionals")
                    try await browser.click("#contact-form summary")
                    try await browser.type("Grace Okafor", into: "#contact-name")
                    try await browser.setValue("parent", of: "#relationship")
                    try await browser.type("07700 900123", into: "#contact-phone")
                    try await browser.click("input[name=lives-with]")
                    try await browser.click("input[name=parental-responsibility]")
                    try await browser.click("input[name=agrees-to-contact]")
                    try await browser.type("Works nights: call after 2pm", into: "#contact-notes")
                    try await browser.look(saving: shots + "/07-contact-form.png")
                    try await browser.click("#contact-form button[type=submit]")
                    _ = try await browser.waitForText("Contact added", in: "main")
                    let card = try await browser.text(of: ".contact-card")
                    #expect(card.contains("Grace Okafor") && card.contains("Parent") && card.contains("07700 900123") && card.contains("Works nights"))
                    try await browser.look(saving: shots + "/08-contact-added.png")
                    _ = try await browser.evaluate("document.querySelector('.contact-card').scrollIntoView(); return 0;")
                    try await browser.screenshot(to: shots + "/08b-contact-card.png")
                    #expect(try await browser.evaluate("return document.documentElement.scrollWidth <= window.innerWidth;") as? Bool == true,
                            "nothing overflows the page sideways")
                }
            }
        }
    }
}
