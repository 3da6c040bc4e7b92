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

/// The school portal in a real headless Chromium, at desktop and phone
/// width: a careers leader signs in to their leavers, looks at last year's,
/// finds who is NEET, posts a September Guarantee offer for him, and reads
/// the destinations report with its chart. axe-core checks every page.
@Suite(.serialized)
struct PortalJourneyTests {
    static let artefacts = "/tmp/portal-shots"

    static func serve(_ body: @escaping @Sendable (String, Store, AccessFixture, Int64) async throws -> Void) async throws {
        try await TestDatabases.withFreshStore(.sqlite) { store in
            let fixture = try await AccessFixture.build(store)
            let la = try DemoAuthority.laCode
            let tomasz = try await store.change(by: .system("test"), at: WebTestHarness.now) { tx in
                func leaver(_ given: String, _ family: String, born: String) async throws -> Int64 {
                    let id = try await tx.createPerson(NewYoungPerson(
                        identity: YoungPersonIdentity(
                            givenName: given, familyName: family, dateOfBirth: try CalendarDate(iso: born), gender: .male, ethnicity: .notObtained),
                        cohortStatus: .primary, responsibleLA: la, educatedLA: la, schoolID: fixture.schoolA))
                    try await tx.recordEnrolment(
                        NewEnrolment(organisationID: fixture.schoolA, kind: .schoolRoll, yearGroup: 11, from: try CalendarDate(iso: "2025-09-01"),
                                     to: try CalendarDate(iso: "2026-08-31")),
                        for: id)
                    return id
                }
                let tomasz = try await leaver("Tomasz", "Nowak", born: "2010-04-04")
                try await tx.recordActivity(
                    ActivityRecord(code: .seekingEET, startDate: try CalendarDate(iso: "2026-09-20"), dateAscertained: try CalendarDate(iso: "2026-10-01"),
                                   neetStartDate: try CalendarDate(iso: "2026-09-20")),
                    for: tomasz)
                for (given, family, born) in [("Priya", "Shah", "2009-11-12"), ("Ellis", "Ravensworth", "2010-06-30"), ("Noor", "Achterberg", "2010-02-14")] {
                    let id = try await leaver(given, family, born: born)
                    try await tx.recordActivity(
                        ActivityRecord(code: .sixthFormCollege, startDate: try CalendarDate(iso: "2026-09-03"), dateAscertained: try CalendarDate(iso: "2026-09-10"),
                                       predictedEndDate: try CalendarDate(iso: "2028-06-30"), establishmentName: "Northmere Sixth Form College"),
                        for: id)
                }
                return tomasz
            }
            let services = WebServices(store: store, registry: DemoAuthority.registry, laCode: la, passwordCost: 4, passwordHasher: .forTests,
                                       now: { WebTestHarness.now })
            let app = try await buildApplication(services: services, configuration: WebConfiguration(port: 0), logger: .init(label: "browser"))
            try await app.test(.live) { client in
                try await body("http://127.0.0.1:\(try #require(client.port))", store, fixture, tomasz)
            }
        }
    }

    @Test(.enabled(if: ChromeDriverProcess.executable != nil, "chromedriver is not installed; browser journeys skipped"), arguments: [1280, 390])
    func aCareersLeaderReviewsLastYearsLeaversAndPostsAnOffer(width: Int) async throws {
        let shots = Self.artefacts + (width < 600 ? "/phone" : "/desktop")
        try await Self.serve { base, store, _, tomasz in
            try await WebDriver.withBrowser(width: width, height: width < 600 ? 844 : 900) { browser in
                try await BreakGlassJourneyTests.signIn(browser, base, as: .careersLeader)
                let home = try await browser.text(of: "main")
                #expect(home.contains("Your leavers") && home.contains("2025/26 leavers"), "the home page is the school's portal")
                try await browser.look(saving: shots + "/01-your-leavers.png")
                try await ConsentJourneyTests.scrollToEnd(browser, saving: shots + "/01b-your-leavers-list.png")

                try await browser.setValue("2026", of: "#year")
                try await browser.click("#show")
                try await browser.click("form.filters button[type=submit]")
                _ = try await browser.waitForURL(endingWith: "year=2026&show=attention")
                let attention = try await browser.text(of: "main")
                #expect(attention.contains("Tomasz Nowak") && !attention.contains("Priya Shah"), "only the NEET or not known")
                try await browser.look(saving: shots + "/02-last-years-neet.png")
                _ = try await browser.evaluate("document.querySelector('.portal-table').scrollIntoView(); return 0;")
                try await browser.screenshot(to: shots + "/02b-the-list.png")

                try await browser.click("a[href='/portal/people/\(tomasz)']")
                _ = try await browser.waitForURL(endingWith: "/portal/people/\(tomasz)")
                #expect(try await browser.text(of: "main").contains("September Guarantee (Year 12, 2026/27)"))
                try await browser.look(saving: shots + "/03-pupil.png")

                try await browser.setValue(String(GuaranteeStatus.offerMade.rawValue), of: "#offer")
                try await browser.click("form[action$='/offer'] button[type=submit]")
                _ = try await browser.waitForText("September Guarantee recorded", in: "main")
                try await browser.look(saving: shots + "/04-offer-recorded.png")
                #expect(try await browser.evaluate("return document.documentElement.scrollWidth <= window.innerWidth;") as? Bool == true,
                        "nothing overflows the page sideways")

                try await browser.open(base + "/portal/destinations?year=2026")
                let report = try await browser.text(of: "main")
                #expect(report.contains("4 2025/26 leavers in all") && report.contains("NEET"))
                try await browser.look(saving: shots + "/05-destinations.png")
                _ = try await browser.evaluate("document.querySelector('.report').scrollIntoView(); return 0;")
                try await browser.screenshot(to: shots + "/05b-chart-and-table.png")
                #expect(try await browser.evaluate("return document.documentElement.scrollWidth <= window.innerWidth;") as? Bool == true)
            }
            let source = try await store.sql.select().column("source").from("september_guarantee").where("person_id", .equal, tomasz)
                .first(decodingColumn: "source", as: String.self)
            #expect(source?.hasPrefix("portal:organisation=") == true, "recorded with the school as its source")
        }
    }
}
