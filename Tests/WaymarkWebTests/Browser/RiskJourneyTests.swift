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
import WaymarkSynthetic
import WaymarkTestSupport
@testable import WaymarkWeb

/// The risk-of-NEET pages in a real headless Chromium, at desktop and phone
/// width: a data manager reads the back-test of a generated LA (tables and
/// chart), the settings and the transparency record; a careers leader reads
/// their school's list with its reasons and takes a pupil off with a reason.
/// axe-core checks every page.
@Suite(.serialized)
struct RiskJourneyTests {
    static let artefacts = "/tmp/risk-shots"

    static func serve(_ body: @escaping @Sendable (String, Store, AccessFixture, Int64) async throws -> Void) async throws {
        try await TestDatabases.withFreshStore(.sqlite) { store in
            let today = CalendarDate.today(from: WebTestHarness.now)
            // A generated LA first (it loads with its own ids), then the fixture's users and schools.
            _ = try await DemoLoader(store: store, logger: Logger(label: "browser"))
                .load(SyntheticLA(SyntheticLAConfiguration(seed: 3, people: 2_000, referenceDate: today)), now: WebTestHarness.now)
            let fixture = try await AccessFixture.build(store)
            let la = try DemoAuthority.laCode
            let ruby = try await store.change(by: .system("import:census.csv"), at: WebTestHarness.now) { tx in
                func pupil(_ given: String, _ family: String, born: String, facts: [SchoolFact]) async throws -> Int64 {
                    let id = try await tx.createPerson(NewYoungPerson(
                        identity: YoungPersonIdentity(
                            givenName: given, familyName: family, dateOfBirth: try CalendarDate(iso: born), gender: .female, ethnicity: .notObtained),
                        cohortStatus: .primary, responsibleLA: la, educatedLA: la, schoolID: fixture.schoolA))
                    try await tx.recordEnrolment(
                        NewEnrolment(organisationID: fixture.schoolA, kind: .schoolRoll, yearGroup: 11, from: try CalendarDate(iso: "2026-09-01"),
                                     to: try CalendarDate(iso: "2027-08-31")),
                        for: id)
                    for fact in facts { try await tx.recordSchoolFact(fact, for: id, organisationID: fixture.schoolA) }
                    return id
                }
                let ruby = try await pupil("Ruby", "Ashworth", born: "2011-02-03", facts: [
                    SchoolFact(kind: .attendance, date: try CalendarDate(iso: "2026-07-20"), value: 79.5),
                    SchoolFact(kind: .suspension, date: try CalendarDate(iso: "2026-10-05"), value: 1),
                ])
                _ = try await pupil("Idris", "Okoro", born: "2011-05-21", facts: [
                    SchoolFact(kind: .attendance, date: try CalendarDate(iso: "2026-07-20"), value: 88.0),
                    SchoolFact(kind: .freeSchoolMeals, date: try CalendarDate(iso: "2022-09-05"), code: "eligible"),
                    SchoolFact(kind: .keyStage2, date: try CalendarDate(iso: "2022-07-10"), code: "not-met"),
                ])
                _ = try await pupil("Hana", "Lindqvist", born: "2011-07-30", facts: [
                    SchoolFact(kind: .attendance, date: try CalendarDate(iso: "2026-07-20"), value: 97.1),
                ])
                return ruby
            }
            _ = try await RiskRefresh(store: store, laCode: DemoAuthority.code).run(on: today)
            try await JobDesk(store: store).request(.riskBackTest(day: today, settingsID: nil), by: nil, at: WebTestHarness.now)
            let handlers = StandardJobs(store: store, registry: DemoAuthority.registry, laCode: la, returnsDirectory: NSTemporaryDirectory()).handlers
            _ = await JobRunner(store: store, handlers: handlers, logger: Logger(label: "browser")).drain()
            let services = WebServices(store: store, registry: DemoAuthority.registry, laCode: la, passwordCost: 4, passwordHasher: .forTests,
                                       now: { WebTestHarness.now })
            let app = try await buildApplication(services: services, configuration: WebConfiguration(port: 0), logger: .init(label: "browser"))
            try await app.test(.live) { client in
                try await body("http://127.0.0.1:\(try #require(client.port))", store, fixture, ruby)
            }
        }
    }

    @Test(.enabled(if: ChromeDriverProcess.executable != nil, "chromedriver is not installed; browser journeys skipped"), arguments: [1280, 390])
    func aDataManagerReadsTheBackTestAndASchoolWorksItsList(width: Int) async throws {
        let shots = Self.artefacts + (width < 600 ? "/phone" : "/desktop")
        try await Self.serve { base, store, fixture, ruby in
            try await WebDriver.withBrowser(width: width, height: width < 600 ? 844 : 900) { browser in
                try await BreakGlassJourneyTests.signIn(browser, base, as: .dataManager)
                try await browser.open(base + "/risk/back-test")
                let backTest = try await browser.text(of: "main")
                #expect(backTest.contains("NEET at 16") && backTest.contains("NEET at 17") && backTest.contains("Calibration by band"))
                #expect(backTest.contains("Free school meals") && backTest.contains("Ethnic group"))
                try await browser.look(saving: shots + "/01-back-test.png")
                _ = try await browser.evaluate("document.querySelector('.report-chart').scrollIntoView(); return 0;")
                try await browser.screenshot(to: shots + "/01b-back-test-chart.png")
                #expect(try await browser.evaluate("return document.documentElement.scrollWidth <= window.innerWidth;") as? Bool == true)

                try await browser.open(base + "/risk/settings")
                #expect(try await browser.text(of: "main").contains("Attendance below the threshold"))
                try await browser.look(saving: shots + "/02-settings.png")

                try await browser.open(base + "/risk/transparency")
                #expect(try await browser.text(of: "main").contains("How well it predicts (back-test)"))
                try await browser.look(saving: shots + "/03-transparency.png")

                try await browser.open(base + "/risk/schools")
                try await browser.look(saving: shots + "/04-schools.png")
                try await browser.open(base + "/risk/schools/\(fixture.schoolA)")
                let laView = try await browser.text(of: "main")
                #expect(laView.contains("Ruby Ashworth") && !laView.contains("Take off the list"), "the LA reads a school's list; the school changes it")
                try await browser.look(saving: shots + "/04b-a-schools-list-for-the-la.png")
                try await browser.click(".account button")
                _ = try await browser.waitForURL(endingWith: "/sign-in")

                try await BreakGlassJourneyTests.signIn(browser, base, as: .careersLeader)
                try await browser.open(base + "/portal/risk")
                let list = try await browser.text(of: "main")
                #expect(list.contains("Ruby Ashworth") && list.contains("Attendance 79.5% (to 2026-07-20)") && list.contains("5 points"))
                try await browser.look(saving: shots + "/05-school-list.png")
                try await browser.type("Attendance plan agreed with family; reviewed weekly", into: "#reason-\(ruby)")
                try await browser.click("#pupil-\(ruby) form button[type=submit]")
                _ = try await browser.waitForText("Taken off the list", in: "main")
                try await browser.look(saving: shots + "/06-taken-off.png")
                #expect(try await browser.evaluate("return document.documentElement.scrollWidth <= window.innerWidth;") as? Bool == true)
            }
            let reason = try await store.sql.select().column("reason").from("risk_list_change").where("person_id", .equal, ruby)
                .first(decodingColumn: "reason", as: String.self)
            #expect(reason == "Attendance plan agreed with family; reviewed weekly")
        }
    }
}
