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

/// Break the glass in a real headless Chromium, at desktop and at phone
/// width: a tracking officer opens a record with a mental-health
/// characteristic and sees it restricted, forgets the reason, gives one,
/// then sees it; the data manager finds the access on the review page and
/// the adviser the notice on their home page.
@Suite(.serialized)
struct BreakGlassJourneyTests {
    static let artefacts = FileManager.default.currentDirectoryPath + "/.build/artefacts/screenshots/break-glass"
    static let reason = "Police called: she has been missing since Friday and they ask about health risks for the search"

    @Test(.enabled(if: ChromeDriverProcess.executable != nil, "chromedriver is not installed; browser journeys skipped"), arguments: [1280, 390])
    func aTrackingOfficerBreaksTheGlassAndTheDataManagerReviewsIt(width: Int) async throws {
        try await TestDatabases.withFreshStore(.sqlite) { store in
            let fixture = try await AccessFixture.build(store)
            let person = fixture.onCaseload
            _ = try await store.change(by: .system("test"), at: WebTestHarness.now) { tx in
                try await tx.addCharacteristic(CharacteristicRecord(code: .mentalHealth, startDate: try CalendarDate(iso: "2026-09-01"), endDate: nil), for: person)
            }
            let services = WebServices(store: store, registry: DemoAuthority.registry, laCode: try DemoAuthority.laCode, passwordCost: 4, passwordHasher: .forTests,
                                       now: { WebTestHarness.now })
            let app = try await buildApplication(services: services, configuration: WebConfiguration(port: 0), logger: .init(label: "browser"))
            let shots = Self.artefacts + (width < 600 ? "/phone" : "/desktop")
            try await app.test(.live) { client in
                let base = "http://127.0.0.1:\(try #require(client.port))"
                try await WebDriver.withBrowser(width: width, height: width < 600 ? 844 : 900) { browser in
                    try await Self.signIn(browser, base, as: .trackingOfficer)
                    try await browser.open(base + "/people/\(person)")
                    let restricted = try await browser.text(of: "main")
                    #expect(restricted.contains("Restricted"))
                    #expect(!restricted.contains("Mental health flag"))
                    try await browser.look(saving: shots + "/01-record-restricted.png")

                    try await browser.click("a[href='/people/\(person)/break-glass']")
                    _ = try await browser.waitForURL(endingWith: "/break-glass")
                    try await browser.look(saving: shots + "/02-break-glass-form.png")
                    try await browser.click("main form button[type=submit]")
                    #expect(try await browser.text(of: ".error-summary").contains("Enter why you need the restricted information now"))
                    try await browser.look(saving: shots + "/03-reason-missing.png")
                    try await browser.click(".error-summary a[href='#reason']")
                    try await browser.type(Self.reason, into: "#reason")
                    try await browser.click("main form button[type=submit]")
                    _ = try await browser.waitForText("Restricted information is open to you", in: "h1")
                    #expect(try await browser.text(of: "main").contains("Personal adviser user, their personal adviser, has been told"))
                    try await browser.look(saving: shots + "/04-opened.png")

                    try await browser.click("main a[href='/people/\(person)']:not(.back-link)")
                    _ = try await browser.waitForURL(endingWith: "/people/\(person)")
                    #expect(try await browser.text(of: "main").contains("Mental health flag"))
                    try await browser.look(saving: shots + "/05-record-opened.png")
                    try await browser.click(".account button")
                    _ = try await browser.waitForURL(endingWith: "/sign-in")

                    try await Self.signIn(browser, base, as: .dataManager)
                    try await browser.click("a[href='/data-protection/break-glass']")
                    _ = try await browser.waitForURL(endingWith: "/data-protection/break-glass")
                    let review = try await browser.text(of: "main table")
                    #expect(review.contains("Tracking officer user") && review.contains("Police called") && review.contains("Mental health"))
                    try await browser.look(saving: shots + "/06-review.png")
                    try await browser.click(".account button")
                    _ = try await browser.waitForURL(endingWith: "/sign-in")

                    // the young person's adviser finds the notice on their home page
                    try await Self.signIn(browser, base, as: .personalAdviser)
                    let notice = try await browser.text(of: "#notices-title")
                    #expect(notice == "Restricted information opened on your caseload")
                    #expect(try await browser.text(of: "main").contains("Police called"))
                    try await browser.look(saving: shots + "/07-adviser-home.png")
                }
            }
        }
    }

    static func signIn(_ browser: WebDriver, _ base: String, as role: Role) async throws {
        try await browser.open(base + "/sign-in")
        try await browser.type(AccessFixture.email(role), into: "#email")
        try await browser.type(WebTestHarness.password, into: "#password")
        try await browser.click("button[type=submit]")
        _ = try await browser.waitForURL(endingWith: "/")
    }
}
