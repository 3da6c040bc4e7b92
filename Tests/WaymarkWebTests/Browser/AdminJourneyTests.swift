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

/// An administrator invites a new user and is told what was done; the new
/// user opens the link on a phone, sets their own password and signs in —
/// in a real headless Chromium, at desktop and phone width.
@Suite(.serialized)
struct AdminJourneyTests {
    static let artefacts = FileManager.default.currentDirectoryPath + "/.build/artefacts/screenshots/admin"
    static let showInvitedRow = "Array.from(document.querySelectorAll('main tr')).find(r => /Invited/.test(r.textContent)).scrollIntoView(); return true;"

    @Test(.enabled(if: ChromeDriverProcess.executable != nil, "chromedriver is not installed; browser journeys skipped"))
    func anInvitedUserSetsTheirOwnPasswordFromTheLink() async throws {
        try await TestDatabases.withFreshStore(.sqlite) { store in
            _ = try await DemoSetup(store: store, logger: .init(label: "journey"), passwordCost: 4).run(people: 50, seed: 5, now: WebTestHarness.now)
            let services = WebServices(store: store, registry: DemoAuthority.registry, laCode: try DemoAuthority.laCode, passwordCost: 4,
                                       passwordHasher: .forTests, now: { WebTestHarness.now })
            let app = try await buildApplication(services: services, configuration: WebConfiguration(port: 0), logger: .init(label: "browser"))
            try await app.test(.live) { client in
                let base = "http://127.0.0.1:\(try #require(client.port))"
                var link = ""
                try await WebDriver.withBrowser(width: 1280, height: 900) { browser in
                    try await CampaignJourneyTests.signIn(browser, base, as: "administrator@northmere.example")
                    try await browser.open(base + "/admin/users")
                    try await browser.type("Nadia Brooks", into: "#user-name")
                    try await browser.type("nadia.brooks@northmere.example", into: "#user-email")
                    try await browser.click("#user-role option[value='tracking-officer']")
                    let la = try await browser.evaluate(
                        "return Array.from(document.querySelectorAll('#user-organisation option')).find(o => /ocal/.test(o.textContent)).value")
                    try await browser.click("#user-organisation option[value='\(try #require(la as? String))']")
                    try await browser.look(saving: Self.artefacts + "/desktop-00-add-form.png")
                    try await browser.click("form[action='/admin/users'] button[type=submit]")
                    let notice = try await browser.waitForText("Account added", in: ".notice")
                    #expect(notice.contains("Account added for Nadia Brooks (nadia.brooks@northmere.example) as Tracking officer."))
                    link = try await browser.text(of: "#invitation-link")
                    #expect(link.hasPrefix("http://127.0.0.1:8080/invitation/"), "the link starts at the public address")
                    #expect(try await browser.text(of: "main").contains("nothing has been sent to them"), "no e-mail is claimed")
                    try await browser.look(saving: Self.artefacts + "/desktop-01-invited.png")
                    try await browser.open(base + "/admin/users")
                    #expect(try await browser.text(of: "main table").contains("Invited — not yet accepted"))
                    _ = try await browser.evaluate(Self.showInvitedRow)
                    try await browser.look(saving: Self.artefacts + "/desktop-02-users-invited.png")
                }
                // On a phone, the administrator makes a new link (say the first was lost): the old one stops working.
                let user = try #require(try await UserQueries(store: store).user(email: "nadia.brooks@northmere.example"))
                try await WebDriver.withBrowser(width: 390, height: 844) { phone in
                    try await CampaignJourneyTests.signIn(phone, base, as: "administrator@northmere.example")
                    try await phone.open(base + "/admin/users")
                    _ = try await phone.evaluate(Self.showInvitedRow)
                    try await phone.look(saving: Self.artefacts + "/phone-00-users-invited.png")
                    // The button sits in the table's sideways-scrolling region, where a WebDriver click on a phone misses: pressed from script.
                    _ = try await phone.evaluate("document.querySelector(\"form[action='/admin/users/\(user.id)/invitation'] button\").click(); return true;")
                    #expect(try await phone.waitForText("no longer works", in: ".notice").contains("Their earlier link no longer works"))
                    let fits = try await phone.evaluate("return document.documentElement.scrollWidth <= window.innerWidth;") as? Bool
                    #expect(fits == true, "the long link wraps on a phone")
                    try await phone.look(saving: Self.artefacts + "/phone-00-new-link.png")
                    let old = link
                    link = try await phone.text(of: "#invitation-link")
                    #expect(link != old)
                    try await phone.open(base + String(old[try #require(old.range(of: "/invitation/")).lowerBound...]))
                    #expect(try await phone.text(of: "h1") == "This invitation link has expired or is not valid", "the old link is void")
                }
                // The new user, on a phone, with no session: the link, their own password, then sign in.
                let path = String(link[try #require(link.range(of: "/invitation/")).lowerBound...])
                try await WebDriver.withBrowser(width: 390, height: 844) { phone in
                    try await phone.open(base + path)
                    #expect(try await phone.text(of: "h1") == "Choose your password")
                    let summary = try await phone.text(of: ".summary-list")
                    #expect(summary.contains("Nadia Brooks") && summary.contains("Tracking officer"), "they see who the account is for")
                    let fits = try await phone.evaluate("return document.documentElement.scrollWidth <= window.innerWidth;") as? Bool
                    #expect(fits == true, "nothing is wider than a phone screen")
                    try await phone.look(saving: Self.artefacts + "/phone-01-invitation.png")
                    try await phone.type("a long first password", into: "#new-password")
                    try await phone.type("a long first pasword", into: "#confirm-password")
                    try await phone.click("main form button[type=submit]")
                    #expect(try await phone.waitForText("do not match", in: ".error-summary").contains("The two new passwords do not match"))
                    try await phone.look(saving: Self.artefacts + "/phone-02-mismatch.png")
                    try await phone.type("a long first password", into: "#new-password")
                    // Enter in the last box sends the form, as people do on a phone.
                    try await phone.type("a long first password\u{E007}", into: "#confirm-password")
                    #expect(try await phone.waitForText("Your password is set", in: "h1") == "Your password is set")
                    try await phone.look(saving: Self.artefacts + "/phone-03-password-set.png")
                    try await phone.click("main a.button")
                    try await phone.type("nadia.brooks@northmere.example", into: "#email")
                    try await phone.type("a long first password", into: "#password")
                    try await phone.click("button[type=submit]")
                    _ = try await phone.waitForURL(endingWith: "/")
                    try await phone.look(saving: Self.artefacts + "/phone-04-signed-in.png")
                    try await phone.open(base + path)
                    #expect(try await phone.text(of: "h1") == "This invitation link has expired or is not valid", "the link works once")
                    try await phone.look(saving: Self.artefacts + "/phone-05-link-used.png")
                }
                try await WebDriver.withBrowser(width: 390, height: 844) { phone in
                    try await CampaignJourneyTests.signIn(phone, base, as: "administrator@northmere.example")
                    try await phone.open(base + "/admin/users")
                    #expect(!(try await phone.text(of: "main table").contains("Invited — not yet accepted")), "accepted: no longer invited")
                    let overflow = try await phone.evaluate("const r = document.querySelector('main .table-scroll'); return r.scrollWidth > r.clientWidth + 1")
                    #expect(overflow as? Bool == false, "the users table stacks on a phone instead of running off the side")
                    try await phone.look(saving: Self.artefacts + "/phone-06-users.png")
                }
            }
        }
    }
}
