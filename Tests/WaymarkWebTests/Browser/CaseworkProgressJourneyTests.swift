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

/// The server's clock, moved on by the journey: "three months later" without waiting three months.
final class JourneyClock: @unchecked Sendable {
    private let lock = NSLock()
    private var current: Date

    init(_ start: Date) { current = start }

    var now: Date { lock.withLock { current } }

    func advance(days: Int) { lock.withLock { current += Double(days) * 86_400 } }
}

/// An adviser assesses a young person's needs, agrees a plan with them, the
/// young person sees it and gives their own view on their phone, and three
/// months later the adviser reviews and sees both rings on the record; the
/// manager sees the distance travelled. In a real headless Chromium, at
/// desktop and phone width, every page checked by axe.
@Suite(.serialized)
struct CaseworkProgressJourneyTests {
    static let artefacts = FileManager.default.currentDirectoryPath + "/.build/artefacts/screenshots/casework-progress"

    static func count(_ browser: WebDriver, _ selector: String) async throws -> Int {
        try await browser.evaluate("return document.querySelectorAll(\"\(selector)\").length") as? Int ?? -1
    }

    @Test(.enabled(if: ChromeDriverProcess.executable != nil, "chromedriver is not installed; browser journeys skipped"), arguments: [1280, 390])
    func anAdviserAssessesAgreesAPlanReviewsThreeMonthsLaterAndSeesBothRings(width: Int) async throws {
        let shots = Self.artefacts + (width < 600 ? "/phone" : "/desktop")
        try await TestDatabases.withFreshStore(.sqlite) { store in
            _ = try await DemoSetup(store: store, logger: .init(label: "journey"), passwordCost: 4).run(people: 200, seed: 21, now: WebTestHarness.now)
            let adviser = try #require(try await UserQueries(store: store).user(email: "personal-adviser@northmere.example"))
            let person = try #require(try await CaseloadQueries(store: store).members(of: adviser.id, in: .authority(laCode: "990")).first)
            let born = try CalendarDate(iso: person.dateOfBirth)
            let member = try await store.change(by: .system("test"), at: WebTestHarness.now) { tx in
                let campaign = try await tx.createCampaign(NewCampaign(name: "Autumn", channel: .sms, audience: "queue=not-known", subject: nil, body: "Hi {{link}}"))
                return try await tx.addCampaignMember(campaignID: campaign, personID: person.id, skipReason: nil, outboxMessageID: nil)
            }
            let link = try await SelfServiceLinks(store: store, baseURL: "").path(personID: person.id, campaignMemberID: member, now: WebTestHarness.now)
            let clock = JourneyClock(WebTestHarness.now)
            let services = WebServices(
                store: store, registry: DemoAuthority.registry, laCode: try DemoAuthority.laCode, passwordCost: 4, passwordHasher: .forTests, now: { clock.now })
            let app = try await buildApplication(services: services, configuration: WebConfiguration(port: 0), logger: .init(label: "browser"))
            let needs = try #require(InstrumentCatalogue.shipped.first)
            try await app.test(.live) { client in
                let base = "http://127.0.0.1:\(try #require(client.port))"
                try await WebDriver.withBrowser(width: width, height: width < 600 ? 844 : 900) { browser in
                    try await Self.signIn(browser, base, "personal-adviser@northmere.example")
                    // Assess.
                    try await browser.open(base + "/people/\(person.id)/assessments")
                    try await browser.look(saving: shots + "/01-assessments-none.png")
                    try await browser.click("main form button[type=submit]")
                    _ = try await browser.waitForText("Assessment: Needs assessment", in: "h1")
                    try await browser.look(saving: shots + "/02-assessment-form.png")
                    try await browser.click("button[value=complete]")
                    #expect(try await browser.text(of: ".error-summary").contains("Rate Physical health before completing"))
                    try await browser.look(saving: shots + "/03-assessment-not-all-rated.png")
                    for (index, area) in needs.areas.enumerated() { try await browser.click("#rating-\(area.key)-\(index % 3 == 0 ? 4 : 3)") }
                    try await browser.type("Housing is the priority; agreed to look at college in January.", into: "#summary")
                    try await browser.click("button[value=complete]")
                    _ = try await browser.waitForURL(endingWith: "saved=completed")
                    #expect(try await Self.count(browser, "main svg.chart--radar polygon") == 1)
                    try await browser.look(saving: shots + "/04-assessed-one-ring.png")

                    // Agree a plan: a goal from a need the assessment found, a step for the young person, a follow-up from it.
                    try await browser.open(base + "/people/\(person.id)/plan")
                    try await browser.click("form.plan-schedule button[type=submit]")
                    _ = try await browser.waitForURL(endingWith: "saved=schedule")
                    try await browser.click("#goal-form summary")
                    try await browser.type("Find somewhere settled to live", into: "#goal-title")
                    _ = try await browser.evaluate("const need = document.querySelector('#need'); need.value = Array.from(need.options).find(o => o.value.endsWith(':housing')).value; return 1")
                    try await browser.type("Nervous about calling the council", into: "#goal-note")
                    try await browser.click("#goal-form button[type=submit]")
                    _ = try await browser.waitForURL(endingWith: "saved=goal")
                    try await browser.click("#step-form summary")
                    try await browser.type("Call the housing options team", into: "#step-description")
                    try await browser.click("#owner-young-person")
                    try await browser.enterDate("due-on", "15", "12", "2026")
                    try await browser.click("#step-form button[type=submit]")
                    _ = try await browser.waitForURL(endingWith: "saved=step")
                    try await browser.click(".plan-steps form[action$='/follow-up'] button")
                    _ = try await browser.waitForText("Follow-up added to the diary", in: "main")
                    try await browser.click(".plan-steps button[value=in-progress]")
                    _ = try await browser.waitForText("Step updated", in: "main")
                    let plan = try await browser.text(of: "main")
                    #expect(plan.contains("Need: Housing") && plan.contains("Young person · due 15 December 2026") && plan.contains("In progress"))
                    #expect(plan.contains("A follow-up is in the diary."))
                    try await browser.look(saving: shots + "/05-plan-agreed.png")
                    try await browser.click(".account button")
                    _ = try await browser.waitForURL(endingWith: "/sign-in")

                    // The young person sees the plan and gives their own view.
                    try await browser.open(base + link + "/you")
                    try await browser.type(String(born.day), into: "#dob-day")
                    try await browser.type(String(born.month), into: "#dob-month")
                    try await browser.type(String(born.year), into: "#dob-year")
                    try await browser.click("main form button[type=submit]")
                    _ = try await browser.waitForText("Your plan", in: "main")
                    let own = try await browser.text(of: "main")
                    #expect(own.contains("Find somewhere settled to live") && own.contains("Call the housing options team") && own.contains("Who: You"))
                    #expect(!own.contains("Nervous about calling"), "the adviser's note stays with staff")
                    _ = try await browser.evaluate("document.querySelector('#own-plan').scrollIntoView(); return 1")
                    try await browser.look(saving: shots + "/06-own-page-plan.png")
                    _ = try await browser.evaluate("document.querySelector('#own-view').scrollIntoView(); return 1")
                    try await browser.screenshot(to: shots + "/06b-own-page-questions.png")
                    try await browser.click("#own-housing-4")
                    try await browser.click("#own-confidence-2")
                    try await browser.click("main form[action$='/own-view'] button[type=submit]")
                    _ = try await browser.waitForText("Your answers are saved for your adviser", in: "main")
                    try await browser.look(saving: shots + "/07-own-view-saved.png")

                    // Three months later: the review.
                    clock.advance(days: 91)
                    try await Self.signIn(browser, base, "personal-adviser@northmere.example")
                    try await browser.open(base + "/people/\(person.id)/assessments")
                    try await browser.click("main form[action$='/assessments'] button[type=submit]")
                    _ = try await browser.waitForText("Review: Needs assessment", in: "h1")
                    for (index, area) in needs.areas.enumerated() { try await browser.click("#rating-\(area.key)-\(index % 3 == 0 ? 2 : 3)") }
                    try await browser.click("button[value=complete]")
                    _ = try await browser.waitForURL(endingWith: "saved=completed")
                    #expect(try await Self.count(browser, "main svg.chart--radar polygon") == 2)
                    #expect(try await browser.text(of: "main").contains("2 areas answered"), "the young person's own view is listed apart")
                    try await browser.look(saving: shots + "/08-assessments-two-rings.png")
                    try await browser.open(base + "/people/\(person.id)")
                    #expect(try await Self.count(browser, "#progress ~ div svg.chart--radar polygon") == 2, "both rings on the record")
                    #expect(try await Self.count(browser, "#progress ~ div svg.chart--radar .chart-axis") == needs.areas.count)
                    _ = try await browser.evaluate("document.querySelector('#progress').scrollIntoView(); return 1")
                    try await browser.look(saving: shots + "/09-record-both-rings.png")
                    try await browser.click(".account button")
                    _ = try await browser.waitForURL(endingWith: "/sign-in")

                    // The manager's distance travelled.
                    try await Self.signIn(browser, base, "manager@northmere.example")
                    try await browser.open(base + "/distance-travelled")
                    let distance = try await browser.text(of: "main")
                    #expect(distance.contains("1 young person in the LA has a first and a later completed assessment"), "\(distance)")
                    try await browser.look(saving: shots + "/10-distance-travelled.png")
                    _ = try await browser.evaluate("document.querySelector('main table').scrollIntoView(); return 1")
                    try await browser.screenshot(to: shots + "/11-distance-travelled-table.png")
                    #expect(try await browser.text(of: "main table").contains("Housing"))
                }
            }
        }
    }

    static func signIn(_ browser: WebDriver, _ base: String, _ email: String) async throws {
        try await browser.open(base + "/sign-in")
        try await browser.type(email, into: "#email")
        try await browser.type(DemoSetup.password, into: "#password")
        try await browser.click("button[type=submit]")
        _ = try await browser.waitForURL(endingWith: "/")
    }
}
