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

/// Sharing with consent in a real headless Chromium, at desktop and phone
/// width: an adviser records a young person's "no" to their school seeing
/// what they do now; the school's careers leader sees it withheld with the
/// reason; the data manager reads the register of flows; and the young
/// person, from their link, checks it is them, reads what is held and who
/// looked, and changes their mind.
@Suite(.serialized)
struct ConsentJourneyTests {
    static let artefacts = "/tmp/shots-consent"

    static func serve(_ body: @escaping @Sendable (String, Store, AccessFixture) async throws -> Void) async throws {
        try await TestDatabases.withFreshStore(.sqlite) { store in
            let fixture = try await AccessFixture.build(store)
            _ = try await store.change(by: .system("test"), at: WebTestHarness.now) { tx in
                try await tx.recordActivity(
                    ActivityRecord(
                        code: .furtherEducation, startDate: try CalendarDate(iso: "2026-09-01"), dateAscertained: try CalendarDate(iso: "2026-09-10"),
                        predictedEndDate: try CalendarDate(iso: "2028-06-30"), establishmentName: "Northmere College"),
                    for: fixture.onCaseload)
                try await tx.addCharacteristic(CharacteristicRecord(code: .carerNotOwnChild, startDate: try CalendarDate(iso: "2026-09-01"), endDate: nil), for: fixture.onCaseload)
            }
            let services = WebServices(store: store, registry: DemoAuthority.registry, laCode: try DemoAuthority.laCode, passwordCost: 4, passwordHasher: .forTests,
                                       now: { WebTestHarness.now })
            let app = try await buildApplication(services: services, configuration: WebConfiguration(port: 0), logger: .init(label: "browser"))
            try await app.test(.live) { client in
                try await body("http://127.0.0.1:\(try #require(client.port))", store, fixture)
            }
        }
    }

    /// The lower part of a long page, to look at (axe has already checked the whole page).
    static func scrollToEnd(_ browser: WebDriver, saving path: String) async throws {
        _ = try await browser.evaluate("window.scrollTo(0, document.body.scrollHeight); return 0;")
        try await browser.screenshot(to: path)
    }

    @Test(.enabled(if: ChromeDriverProcess.executable != nil, "chromedriver is not installed; browser journeys skipped"), arguments: [1280, 390])
    func anAdviserRecordsANoAndTheSchoolSeesItWithheldWithTheReason(width: Int) async throws {
        let shots = Self.artefacts + (width < 600 ? "/phone" : "/desktop")
        try await Self.serve { base, _, fixture in
            let person = fixture.onCaseload
            try await WebDriver.withBrowser(width: width, height: width < 600 ? 844 : 900) { browser in
                try await BreakGlassJourneyTests.signIn(browser, base, as: .careersLeader)
                try await browser.open(base + "/people/\(person)")
                #expect(try await browser.text(of: "main").contains("Education"), "the school sees the category of what they do now")
                try await browser.click(".account button")
                _ = try await browser.waitForURL(endingWith: "/sign-in")

                try await BreakGlassJourneyTests.signIn(browser, base, as: .personalAdviser)
                try await browser.open(base + "/people/\(person)")
                try await browser.click("a[href='/people/\(person)/consent']")
                _ = try await browser.waitForURL(endingWith: "/consent")
                #expect(try await browser.text(of: "main").contains("Current activity: Shared: the flow's legal basis covers it"))
                try await browser.look(saving: shots + "/01-consent-page.png")
                try await Self.scrollToEnd(browser, saving: shots + "/01b-consent-page-end.png")

                try await browser.click("form.consent-form button[type=submit]")
                #expect(try await browser.text(of: ".error-summary").contains("Choose whether they said yes or no"))
                try await browser.look(saving: shots + "/02-consent-problems.png")

                try await browser.click("input[name=decision][value=deny]")
                try await browser.setValue("currentActivity", of: "#data-class")
                try await browser.setValue("organisation:\(fixture.schoolA)", of: "#recipient")
                try await browser.setValue("school-support", of: "#purpose")
                try await browser.click("input[name=given-by][value=young-person]")
                try await browser.click("input[name=method][value=verbal]")
                try await browser.click("form.consent-form button[type=submit]")
                _ = try await browser.waitForText("Choice recorded", in: "main")
                let page = try await browser.text(of: "main")
                #expect(page.contains("Current activity: Not shared: The young person has asked that this is not shared."))
                #expect(page.contains("verbally, to Personal adviser user"))
                try await browser.look(saving: shots + "/03-choice-recorded.png")
                _ = try await browser.evaluate("document.querySelector('table').scrollIntoView(); return 0;")
                try await browser.screenshot(to: shots + "/03b-choice-in-history.png")
                #expect(try await browser.evaluate("return document.documentElement.scrollWidth <= window.innerWidth;") as? Bool == true, "nothing overflows the page sideways")
                try await browser.open(base + "/")
                try await browser.click(".account button")
                _ = try await browser.waitForURL(endingWith: "/sign-in")

                try await BreakGlassJourneyTests.signIn(browser, base, as: .careersLeader)
                try await browser.open(base + "/people/\(person)")
                let record = try await browser.text(of: "main")
                #expect(record.contains("Not shared with your organisation"))
                #expect(record.contains("The young person has asked that this is not shared."))
                #expect(!record.contains("Education\n") && record.contains("Current activity\nRestricted"), "the activity does not reach the school")
                try await browser.look(saving: shots + "/04-school-sees-withheld.png")
                try await browser.click(".account button")
                _ = try await browser.waitForURL(endingWith: "/sign-in")

                try await BreakGlassJourneyTests.signIn(browser, base, as: .dataManager)
                try await browser.click("a[href='/data-protection/flows']")
                _ = try await browser.waitForURL(endingWith: "/data-protection/flows")
                let register = try await browser.text(of: "main")
                #expect(register.contains("NCCIS monthly return") && register.contains("Reviews overdue: 10"))
                try await browser.look(saving: shots + "/05-data-flows.png")
                try await browser.click("a[href='/data-protection/flows/school-portal']")
                _ = try await browser.waitForURL(endingWith: "/school-portal")
                try await browser.enterDate("review-due", "1", "9", "2027")
                try await browser.type("DSA-2026-014", into: "#agreement")
                try await browser.click("main form button[type=submit]")
                _ = try await browser.waitForText("Saved", in: "main")
                try await browser.look(saving: shots + "/06-flow-saved.png")
            }
        }
    }

    @Test(.enabled(if: ChromeDriverProcess.executable != nil, "chromedriver is not installed; browser journeys skipped"), arguments: [390, 1280])
    func aYoungPersonSeesWhatIsHeldAndChangesAChoiceOnTheirPhone(width: Int) async throws {
        let shots = Self.artefacts + (width < 600 ? "/phone" : "/desktop")
        try await Self.serve { base, store, fixture in
            let person = fixture.onCaseload
            let member = try await store.change(by: .system("test"), at: WebTestHarness.now) { tx in
                let campaign = try await tx.createCampaign(NewCampaign(name: "Autumn", channel: .sms, audience: "queue=not-known", subject: nil, body: "Hi {{link}}"))
                return try await tx.addCampaignMember(campaignID: campaign, personID: person, skipReason: nil, outboxMessageID: nil)
            }
            let path = try await SelfServiceLinks(store: store, baseURL: "").path(personID: person, campaignMemberID: member, now: WebTestHarness.now)
            try await WebDriver.withBrowser(width: width, height: width < 600 ? 844 : 900) { browser in
                // the school's careers leader looks first, so the young person has someone to see
                try await BreakGlassJourneyTests.signIn(browser, base, as: .careersLeader)
                try await browser.open(base + "/people/\(person)")
                try await browser.click(".account button")
                _ = try await browser.waitForURL(endingWith: "/sign-in")

                try await browser.open(base + path)
                try await browser.click("a[href='\(path)/you']")
                _ = try await browser.waitForURL(endingWith: "/you")
                try await browser.look(saving: shots + "/11-check-it-is-you.png")
                try await browser.type("14", into: "#dob-day")
                try await browser.type("4", into: "#dob-month")
                try await browser.type("2009", into: "#dob-year")
                try await browser.click("main form button[type=submit]")
                #expect(try await browser.text(of: ".error-summary").contains("does not match our record"))
                try await browser.look(saving: shots + "/12-wrong-date.png")
                try await browser.type("14", into: "#dob-day")
                try await browser.type("3", into: "#dob-month")
                try await browser.type("2009", into: "#dob-year")
                try await browser.click("main form button[type=submit]")
                _ = try await browser.waitForText("Your information, Amara", in: "h1")
                let own = try await browser.text(of: "main")
                #expect(own.contains("Information about: care status"))
                #expect(own.contains("a careers leader at Millbrook Park School"))
                #expect(!own.contains("Careers leader user"), "staff are named by role and organisation, not by name")
                try await browser.look(saving: shots + "/13-own-record.png")
                try await Self.scrollToEnd(browser, saving: shots + "/13b-own-record-end.png")

                try await browser.click("#school-activity-no")
                try await browser.click("main form[action$='/choices'] button[type=submit]")
                _ = try await browser.waitForText("Your choices are saved", in: "main")
                #expect(try await browser.text(of: "main").contains("Your answer now: no, given on this page."))
                try await browser.look(saving: shots + "/14-choice-saved.png")
            }
            let standing = try await ConsentQueries(store: store).standing(of: person)
            #expect(standing.map(\.decision) == [.deny])
        }
    }
}
