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

/// A referral in a real headless Chromium, at desktop and phone width: an
/// adviser refers a young person (who agreed to referrals to youth justice
/// services) to the youth offending service; the YOT worker, on their home
/// page, receives it, accepts it, starts work and records an outcome; the
/// adviser sees the outcome and the service on the known-to register.
@Suite(.serialized)
struct ReferralJourneyTests {
    static let artefacts = "/tmp/shots-referral"

    static func serve(_ body: @escaping @Sendable (String, Store, AccessFixture) async throws -> Void) async throws {
        try await TestDatabases.withFreshStore(.sqlite) { store in
            let fixture = try await AccessFixture.build(store)
            let today = CalendarDate.today(from: WebTestHarness.now)
            _ = try await store.change(by: .system("test"), at: WebTestHarness.now) { tx in
                try await tx.recordActivity(
                    ActivityRecord(
                        code: .furtherEducation, startDate: try CalendarDate(iso: "2026-09-01"), dateAscertained: try CalendarDate(iso: "2026-09-10"),
                        predictedEndDate: try CalendarDate(iso: "2028-06-30"), establishmentName: "Northmere College"),
                    for: fixture.onCaseload)
                _ = try await tx.recordConsent(
                    ConsentProvision(decision: .permit, purpose: .referral, recipient: .kind(.youthJustice), dataClass: nil, from: today,
                                     givenBy: .youngPerson, method: .verbal(worker: "Personal adviser user"), recordedAt: WebTestHarness.now),
                    for: fixture.onCaseload)
            }
            let services = WebServices(store: store, registry: DemoAuthority.registry, laCode: try DemoAuthority.laCode, passwordCost: 4, passwordHasher: .forTests,
                                       now: { WebTestHarness.now })
            let app = try await buildApplication(services: services, configuration: WebConfiguration(port: 0), logger: .init(label: "browser"))
            try await app.test(.live) { client in
                try await body("http://127.0.0.1:\(try #require(client.port))", store, fixture)
            }
        }
    }

    static func signOut(_ browser: WebDriver, _ base: String) async throws {
        try await browser.open(base + "/")
        try await browser.click(".account button")
        _ = try await browser.waitForURL(endingWith: "/sign-in")
    }

    static func step(_ browser: WebDriver, _ value: String, expecting text: String) async throws {
        try await browser.click("form input[name=step][value='\(value)'] ~ button")
        _ = try await browser.waitForText(text, in: "main")
    }

    @Test(.enabled(if: ChromeDriverProcess.executable != nil, "chromedriver is not installed; browser journeys skipped"), arguments: [1280, 390])
    func anAdviserRefersToTheYouthOffendingServiceWhichAcceptsAndRecordsAnOutcome(width: Int) async throws {
        let shots = Self.artefacts + (width < 600 ? "/phone" : "/desktop")
        try await Self.serve { base, _, fixture in
            let person = fixture.onCaseload
            try await WebDriver.withBrowser(width: width, height: width < 600 ? 844 : 900) { browser in
                // the adviser refers
                try await BreakGlassJourneyTests.signIn(browser, base, as: .personalAdviser)
                try await browser.open(base + "/people/\(person)")
                try await browser.click("a[href='/people/\(person)/known-to']")
                _ = try await browser.waitForURL(endingWith: "/known-to")
                try await browser.look(saving: shots + "/01-known-to-empty.png")
                try await browser.click("a[href='/people/\(person)/referrals/new']")
                _ = try await browser.waitForURL(endingWith: "/referrals/new")
                try await browser.click("main form button[type=submit]")
                _ = try await browser.waitForText("There is a problem", in: "main")
                try await browser.look(saving: shots + "/02-referral-form-problem.png")
                let services = try await browser.evaluate("return Array.from(document.querySelectorAll('#service option')).map(o => o.value + '=' + o.text).join('|');") as? String
                let service = try #require(services?.split(separator: "|").first { $0.contains("Youth Justice") }?.split(separator: "=").first)
                try await browser.setValue(String(service), of: "#service")
                try await browser.type("Arrested last week; wants help staying in college and keeping to the order.", into: "#summary")
                try await browser.click("main form button[type=submit]")
                _ = try await browser.waitForText("Draft saved", in: "main")
                try await browser.look(saving: shots + "/03-draft.png")
                try await Self.step(browser, "send", expecting: "Referral sent to the service")
                let sent = try await browser.text(of: "main")
                #expect(sent.contains("Not shared with the service") && sent.contains("Offending and youth justice"))
                try await browser.look(saving: shots + "/04-sent.png")
                try await Self.signOut(browser, base)

                // the YOT worker's home is their referrals
                try await BreakGlassJourneyTests.signIn(browser, base, as: .partnerWorker)
                let home = try await browser.text(of: "main")
                #expect(home.contains("Referrals to your service (1)") && home.contains("Amara"))
                try await browser.look(saving: shots + "/05-yot-home.png")
                try await browser.click("main table a")
                _ = try await browser.waitForText("Mark as received", in: "main")
                let received = try await browser.text(of: "main")
                #expect(received.contains("Northmere College"), "the package shares what they do now")
                #expect(!received.contains("Known to and referrals"))
                try await browser.look(saving: shots + "/06-yot-referral.png")
                try await Self.step(browser, "acknowledge", expecting: "Marked as received")
                try await Self.step(browser, "accept", expecting: "Accepted")
                try await Self.step(browser, "start", expecting: "Work started")
                try await browser.click("form input[name=step][value='record-outcome'] ~ div ~ button")
                _ = try await browser.waitForText("There is a problem", in: "main")
                try await browser.setValue("goals-met", of: "#outcome")
                try await browser.type("Kept to the order; still at college in December.", into: "#outcome-words")
                try await browser.click("form input[name=step][value='record-outcome'] ~ div ~ button")
                _ = try await browser.waitForText("Outcome recorded.", in: "main")
                try await browser.look(saving: shots + "/07-outcome-recorded.png")
                try await Self.signOut(browser, base)

                // the adviser sees it: news on their home page, then the referral
                try await BreakGlassJourneyTests.signIn(browser, base, as: .personalAdviser)
                let news = try await browser.text(of: "#referral-news-title + ul")
                #expect(news.contains("Referral 1 to Northmere Youth Justice Service: outcome recorded"))
                #expect(!news.contains("Amara"), "the notice names no young person")
                _ = try await browser.evaluate("document.getElementById('referral-news-title').scrollIntoView(); return 0;")
                try await browser.look(saving: shots + "/08a-adviser-home-news.png")
                try await browser.open(base + "/referrals")
                let list = try await browser.text(of: "main")
                #expect(list.contains("Outcome recorded"))
                try await browser.look(saving: shots + "/08-adviser-referrals.png")
                try await browser.click("main table a")
                _ = try await browser.waitForText("Engaged and the goals were met", in: "main")
                #expect(try await browser.text(of: "main").contains("Kept to the order; still at college in December."))
                try await browser.look(saving: shots + "/09-adviser-sees-outcome.png")
                try await browser.open(base + "/people/\(person)/known-to")
                #expect(try await browser.text(of: "main").contains("Northmere Youth Justice Service"))
                try await browser.look(saving: shots + "/10-known-to.png")
                #expect(try await browser.evaluate("return document.documentElement.scrollWidth <= window.innerWidth;") as? Bool == true, "nothing overflows the page sideways")

                // A tracking officer does not see offending: the register and the referral list say only that a service is involved.
                try await Self.signOut(browser, base)
                try await BreakGlassJourneyTests.signIn(browser, base, as: .trackingOfficer)
                try await browser.open(base + "/people/\(person)/known-to")
                let brokered = try await browser.text(of: "main")
                #expect(!brokered.contains("Youth Justice"), "the service's name tells offending")
                #expect(brokered.contains("A referral to a partner service"))
                #expect(!brokered.contains("FieldView") && !brokered.contains("(Tracking officer)"), "a brokered line has no worker or role, and shows none from the page")
                #expect(try await browser.evaluate("return document.querySelectorAll('main a[href^=\"/referrals/\"]').length;") as? Int == 0)
                try await browser.look(saving: shots + "/11-known-to-brokered.png")
                try await browser.open(base + "/people/\(person)/team")
                let team = try await browser.text(of: "main")
                #expect(!team.contains("Youth Justice") && !team.contains("(Tracking officer)"))
                try await browser.look(saving: shots + "/12-team-brokered.png")
            }
        }
    }
}
