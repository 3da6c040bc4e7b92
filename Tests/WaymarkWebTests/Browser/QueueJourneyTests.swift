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

/// A tracking officer's long queue in a real headless Chromium: 523 young
/// people whose activity is not known, paged through to the last page,
/// sorted by name, everyone on the last page ticked and assigned from the
/// controls above the list; then the same queue on a phone. Axe checks
/// every page looked at.
@Suite(.serialized)
struct QueueJourneyTests {
    static let artefacts = FileManager.default.currentDirectoryPath + "/.build/artefacts/screenshots/queues"
    static let length = 523

    @Test(.enabled(if: ChromeDriverProcess.executable != nil, "chromedriver is not installed; browser journeys skipped"))
    func aQueueOf523PagesThroughAndAssignsFromTheTop() async throws {
        try await TestDatabases.withFreshStore(.sqlite) { store in
            _ = try await DemoSetup(store: store, logger: .init(label: "journey"), passwordCost: 4).run(people: 800, seed: 41, now: WebTestHarness.now)
            try await Self.lengthen(store, to: Self.length)
            let adviser = try #require(try await UserQueries(store: store).user(email: "personal-adviser@northmere.example"))
            let services = WebServices(store: store, registry: DemoAuthority.registry, laCode: try DemoAuthority.laCode, passwordCost: 4,
                                       passwordHasher: .forTests, now: { WebTestHarness.now })
            let app = try await buildApplication(services: services, configuration: WebConfiguration(port: 0), logger: .init(label: "browser"))
            try await app.test(.live) { client in
                let base = "http://127.0.0.1:\(try #require(client.port))"
                var chosen: [Int64] = []
                try await WebDriver.withBrowser { browser in
                    try await CampaignJourneyTests.signIn(browser, base)
                    try await browser.click("nav a[href='/queues']")
                    #expect(try await browser.text(of: "#list-showing") == "Showing 1 to 100 of 523 young people")
                    #expect(try await Self.rows(browser) == 100)
                    let fold = try await browser.evaluate("""
                        return document.querySelector('form[action="/queues/assign"] button.button').getBoundingClientRect().bottom <= window.innerHeight;
                        """) as? Bool
                    #expect(fold == true, "Assign is on the first screen, above the list")
                    try await browser.look(saving: Self.artefacts + "/01-first-page.png")

                    for page in 2...6 {
                        try await browser.click("a.pagination__next")
                        _ = try await browser.waitForURL(endingWith: "page=\(page)")
                        #expect(try await browser.text(of: ".pagination__current") == String(page))
                    }
                    #expect(try await browser.text(of: "#list-showing") == "Showing 501 to 523 of 523 young people")
                    #expect(try await Self.rows(browser) == 23)
                    #expect(try await browser.evaluate("return document.querySelector('a.pagination__next') === null;") as? Bool == true)
                    try await browser.look(saving: Self.artefacts + "/02-last-page.png")

                    // Sorted by name, still on the last page's numbering from page 1.
                    try await browser.click("th a[href*='sort=name']")
                    _ = try await browser.waitForURL(endingWith: "sort=name&order=ascending")
                    #expect(try await browser.evaluate("return document.querySelector('th[aria-sort=ascending]').textContent;") as? String == "Name ▲")
                    let names = try await browser.evaluate("""
                        return Array.from(document.querySelectorAll('tbody tr td:nth-child(2)')).map(c => c.textContent.trim().split(' ').pop().toLowerCase());
                        """) as? [String] ?? []
                    #expect(names.count == 100 && names == names.sorted(), "family names in order on the first page")
                    try await browser.click(".pagination__list a[aria-label='Page 6']")
                    _ = try await browser.waitForURL(endingWith: "sort=name&order=ascending&page=6")

                    // Everyone on the last page, ticked and assigned from the top.
                    try await browser.click("button[form=select-all]")
                    _ = try await browser.waitForURL(endingWith: "select=page")
                    let ticked = try await browser.evaluate("return Array.from(document.querySelectorAll('input[name=\"person[]\"]:checked')).map(c => c.value);") as? [String] ?? []
                    #expect(ticked.count == 23)
                    chosen = ticked.compactMap { Int64($0) }
                    try await browser.look(saving: Self.artefacts + "/03-all-ticked.png")
                    try await browser.setValue(String(adviser.id), of: "#assign-adviser")
                    try await browser.click("form[action='/queues/assign'] button.button:not(.button--secondary)")
                    _ = try await browser.waitForURL(endingWith: "assigned=23")
                    #expect(try await browser.text(of: ".notice--success") == "23 young people assigned.")
                    #expect((try await browser.evaluate("return document.querySelectorAll('input[name=\"person[]\"]:checked').length;") as? NSNumber)?.intValue == 0,
                            "back on the same page, nothing ticked")
                    #expect(try await browser.text(of: ".pagination__current") == "6")
                    try await browser.look(saving: Self.artefacts + "/04-assigned.png")
                    _ = try await browser.evaluate("document.querySelector('.pagination').scrollIntoView(); return true;")
                    try await browser.screenshot(to: Self.artefacts + "/05-pagination.png")

                    // A ward chosen from the wards there are (one on this page); the sort stays.
                    let ward = try await browser.evaluate("""
                        return Array.from(document.querySelectorAll('tbody tr td:nth-child(5)')).map(c => c.textContent.trim()).find(w => w !== '–');
                        """) as? String ?? ""
                    let offered = try await browser.evaluate("return Array.from(document.querySelectorAll('#ward option')).map(o => o.value);") as? [String] ?? []
                    #expect(offered.contains(ward) && offered.count > 2, "the demo's wards are offered: \(ward) in \(offered)")
                    try await browser.setValue(ward, of: "#ward")
                    try await browser.click("form.filters button[type=submit]")
                    _ = try await browser.waitForURL(endingWith: "days=30")
                    #expect(try await browser.currentURL().contains("sort=name&order=ascending"))
                    let showing = try await browser.text(of: "#list-showing")
                    #expect(showing.hasSuffix("young people") || showing == "1 young person", "\(showing)")
                    #expect(try await browser.evaluate("return document.querySelector('#ward').value;") as? String == ward)
                    #expect(try await browser.text(of: "th[aria-sort=ascending]") == "Name ▲")
                    try await browser.look(saving: Self.artefacts + "/06-ward.png")

                    // A round of door-knocking: the first sector on the list, typed as an adviser would.
                    try await browser.setValue("", of: "#ward")
                    let sector = try await browser.evaluate("""
                        return Array.from(document.querySelectorAll('tbody tr td:nth-child(6)')).map(c => c.textContent.trim()).find(s => s !== '–');
                        """) as? String ?? ""
                    #expect(sector.count >= 5, "the sector column shows the person's sector: \(sector)")
                    try await browser.type(sector.lowercased(), into: "#sector")
                    try await browser.click("form.filters button[type=submit]")
                    _ = try await browser.waitForURL(endingWith: "days=30")
                    let sectors = try await browser.evaluate("return Array.from(document.querySelectorAll('tbody tr td:nth-child(6)')).map(c => c.textContent.trim());") as? [String] ?? []
                    #expect(!sectors.isEmpty && sectors.allSatisfy { $0 == sector }, "only \(sector) is listed: \(Set(sectors))")
                    #expect(try await browser.evaluate("return document.querySelector('#sector').value;") as? String == sector)
                    try await browser.look(saving: Self.artefacts + "/06b-sector.png")
                }

                #expect(chosen.count == 23)
                for person in chosen {
                    #expect(try await CaseloadLookup(store: store).placement(of: person, in: .authority(laCode: DemoAuthority.code))?.adviserID == adviser.id)
                }

                try await WebDriver.withBrowser(width: 390, height: 844) { phone in
                    try await CampaignJourneyTests.signIn(phone, base)
                    try await phone.open(base + "/queues?queue=not-known&days=30&page=3")
                    #expect(try await phone.text(of: "#list-showing") == "Showing 201 to 300 of 523 young people")
                    let fits = try await phone.evaluate("return document.documentElement.scrollWidth <= window.innerWidth;") as? Bool
                    #expect(fits == true, "only the table scrolls sideways on a phone")
                    try await phone.look(saving: Self.artefacts + "/07-phone.png")
                }
            }
        }
    }

    static func rows(_ browser: WebDriver) async throws -> Int {
        (try await browser.evaluate("return document.querySelectorAll('tbody input[name=\"person[]\"]').length;") as? NSNumber)?.intValue ?? -1
    }

    /// Tops the demo's not-known queue up to `length` with people nothing is recorded for.
    static func lengthen(_ store: Store, to length: Int) async throws {
        let scope = RecordScope.authority(laCode: DemoAuthority.code)
        let builder = WorkQueueBuilder(store: store, classifier: ParticipationClassifier())
        let now = WebTestHarness.now
        let have = try await builder.page(.notKnown, days: 30, filter: QueueFilter(), scope: scope, now: now, page: 1, size: 1).total
        try #require(have <= length, "the demo already has \(have) not known")
        let la = try DemoAuthority.registry.code(DemoAuthority.code)
        let given = ["Aisha", "Ben", "Chloe", "Dylan", "Ella", "Finn", "Grace", "Harry", "Isla", "Jack"]
        let family = ["Ashworth", "Brennan", "Carver", "Dunmore", "Ellison", "Fairclough", "Gresham", "Holloway", "Ingram", "Jessop", "Kendrick"]
        try await store.change(by: .system("test"), at: now) { tx in
            for number in 0..<(length - have) {
                _ = try await tx.createPerson(NewYoungPerson(
                    identity: YoungPersonIdentity(
                        givenName: given[number % given.count], familyName: family[number % family.count],
                        dateOfBirth: try CalendarDate(year: 2009, month: 9 + number % 4, day: 1 + number % 28), gender: .female, ethnicity: .whiteBritish),
                    cohortStatus: .primary, responsibleLA: la, educatedLA: la))
            }
        }
        #expect(try await builder.page(.notKnown, days: 30, filter: QueueFilter(), scope: scope, now: now, page: 1, size: 1).total == length)
    }
}
