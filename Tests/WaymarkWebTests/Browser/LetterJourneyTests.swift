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

/// Letters a young person can act on, in a real headless Chromium: the
/// printed letter carries a short code, a QR code, the service's phone and
/// return address (on screen and as printed); the code typed on a phone in
/// small letters with its dash opens the self-service page; a wrong code
/// gets one plain message.
@Suite(.serialized)
struct LetterJourneyTests {
    static let artefacts = FileManager.default.currentDirectoryPath + "/.build/artefacts/screenshots/letters"

    @Test(.enabled(if: ChromeDriverProcess.executable != nil, "chromedriver is not installed; browser journeys skipped"))
    func aPrintedCodeTypedOnAPhoneOpensTheSelfServicePage() async throws {
        try await TestDatabases.withFreshStore(.sqlite) { store in
            _ = try await DemoSetup(store: store, logger: .init(label: "journey"), passwordCost: 4).run(people: 300, seed: 21, now: WebTestHarness.now)
            let services = WebServices(store: store, registry: DemoAuthority.registry, laCode: try DemoAuthority.laCode, passwordCost: 4,
                                       passwordHasher: .forTests, now: { WebTestHarness.now })
            let officer = try #require(try await UserQueries(store: store).user(email: "tracking-officer@northmere.example"))
            let grant = AccessGrant(user: officer, scope: .authority(laCode: DemoAuthority.code))
            let campaign = try await services.app.campaigns.create(
                NewCampaign(name: "Autumn letters", channel: .letter, audience: "queue=not-known", subject: nil, body: CampaignForm.suggestedBody(.letter)),
                for: grant, at: WebTestHarness.now)
            _ = try await services.app.campaigns.send(campaign, for: grant, at: WebTestHarness.now)
            let app = try await buildApplication(services: services, configuration: WebConfiguration(port: 0), logger: .init(label: "browser"))
            try await app.test(.live) { client in
                let base = "http://127.0.0.1:\(try #require(client.port))"
                var code = ""
                try await WebDriver.withBrowser(width: 1280, height: 900) { browser in
                    try await CampaignJourneyTests.signIn(browser, base)
                    try await browser.open(base + "/campaigns/\(campaign)/letters")
                    code = try await browser.text(of: ".letter .code")
                    #expect(code.count == 9 && code.dropFirst(4).first == "-", "the code is shown grouped, ABCD-EFGH")
                    let letter = try await browser.text(of: ".letter")
                    #expect(letter.contains(ServiceContact.demo.phone) && letter.contains(ServiceContact.demo.returnAddress[1]))
                    #expect(letter.contains("127.0.0.1:8080/code"), "the letter says where to type the code")
                    let label = try await browser.evaluate("return document.querySelector('.letter svg').getAttribute('aria-label')") as? String
                    #expect(label?.contains("/c/" + code.replacingOccurrences(of: "-", with: "")) == true, "the QR code says what it opens")
                    try await browser.look(saving: Self.artefacts + "/desktop-01-letter.png")
                    _ = try await browser.evaluate(Self.showCodeBox)
                    try await browser.screenshot(to: Self.artefacts + "/desktop-02-letter-code.png")
                    try await browser.emulateMedia("print")
                    let noteHidden = try await browser.evaluate("return getComputedStyle(document.querySelector('p.print-note')).display") as? String
                    #expect(noteHidden == "none", "the note for staff is not printed")
                    try await browser.screenshot(to: Self.artefacts + "/desktop-03-letter-printed.png")
                    _ = try await browser.evaluate(Self.showCodeBox)
                    try await browser.screenshot(to: Self.artefacts + "/desktop-04-letter-printed-code.png")
                    try await browser.emulateMedia("screen")
                }
                try await WebDriver.withBrowser(width: 390, height: 844) { phone in
                    try await CampaignJourneyTests.signIn(phone, base)
                    try await phone.open(base + "/campaigns/\(campaign)/letters")
                    try await phone.look(saving: Self.artefacts + "/phone-01-letter.png")
                    _ = try await phone.evaluate(Self.showCodeBox)
                    try await phone.screenshot(to: Self.artefacts + "/phone-01-letter-code.png")
                }
                // The young person, on their phone, with the letter in their hand.
                try await WebDriver.withBrowser(width: 390, height: 844) { phone in
                    try await phone.open(base + "/code")
                    #expect(try await phone.text(of: "h1") == "Enter the code from your letter")
                    try await phone.look(saving: Self.artefacts + "/phone-02-code.png")
                    try await phone.type(Self.wrong(code).lowercased(), into: "#code")
                    try await phone.click("main form button[type=submit]")
                    let problem = try await phone.waitForText("do not recognise", in: ".error-summary")
                    #expect(problem.contains("We do not recognise that code"))
                    try await phone.look(saving: Self.artefacts + "/phone-03-wrong-code.png")
                    try await phone.setValue("", of: "#code")
                    try await phone.type(code.lowercased(), into: "#code")
                    try await phone.click("main form button[type=submit]")
                    _ = try await phone.waitForText("Tell us what you are doing", in: "h1")
                    #expect(try await phone.currentURL().contains("/s/"), "the code leads to the self-service page")
                    try await phone.look(saving: Self.artefacts + "/phone-04-self-service.png")
                }
                try await WebDriver.withBrowser(width: 1280, height: 900) { browser in
                    try await browser.open(base + "/code")
                    try await browser.type("ABCD-EFGO", into: "#code")
                    try await browser.click("main form button[type=submit]")
                    #expect(try await browser.waitForText("never use O or 0", in: ".error-summary").contains("never use O or 0"))
                    try await browser.look(saving: Self.artefacts + "/desktop-05-code-mistyped.png")
                }
            }
        }
    }

    static let showCodeBox = "document.querySelector('.letter .act').scrollIntoView(); return true;"

    /// A code that is not this one (every other code is as good as unknown: 31⁸ of them).
    static func wrong(_ code: String) -> String {
        code.hasPrefix("2222") ? "3333-3333" : "2222-2222"
    }
}
