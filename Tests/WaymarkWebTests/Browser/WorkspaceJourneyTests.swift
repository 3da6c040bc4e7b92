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

/// A personal adviser's morning in a real headless Chromium: sign in, find a
/// young person by a misspelt name, open the record, record a contact,
/// update the activity (once wrongly, then correctly), see it on the
/// timeline, sign out. Screenshots of each step are saved for a person to look at.
@Suite(.serialized)
struct WorkspaceJourneyTests {
    static let artefacts = FileManager.default.currentDirectoryPath + "/.build/artefacts/screenshots/workspace"

    @Test(.enabled(if: ChromeDriverProcess.executable != nil, "chromedriver is not installed; browser journeys skipped"))
    func anAdviserFindsAYoungPersonRecordsAContactAndUpdatesTheirActivity() async throws {
        try await TestDatabases.withFreshStore(.sqlite) { store in
            _ = try await DemoSetup(store: store, logger: .init(label: "journey"), passwordCost: 4).run(people: 800, seed: 21, now: WebTestHarness.now)
            let adviser = try #require(try await UserQueries(store: store).user(email: "personal-adviser@northmere.example"))
            let caseload = try await CaseloadQueries(store: store).members(of: adviser.id, in: .authority(laCode: "990"))
            let person = try #require(caseload.first { $0.familyName.count >= 5 && $0.familyName.allSatisfy { $0.isASCII && $0.isLetter } && Self.misspell($0.familyName) != $0.familyName })
            let misspelt = Self.misspell(person.familyName)
            let services = WebServices(store: store, registry: DemoAuthority.registry, laCode: try DemoAuthority.laCode, passwordCost: 4, passwordHasher: .forTests, now: { WebTestHarness.now })
            let app = try await buildApplication(services: services, configuration: WebConfiguration(port: 0), logger: .init(label: "browser"))
            try await app.test(.live) { client in
                let base = "http://127.0.0.1:\(try #require(client.port))"
                try await WebDriver.withBrowser { browser in
                    try await browser.open(base + "/sign-in")
                    try await browser.type("personal-adviser@northmere.example", into: "#email")
                    try await browser.type(DemoSetup.password, into: "#password")
                    try await browser.click("button[type=submit]")
                    #expect(try await browser.text(of: "h1") == "My work today")
                    try await browser.look(saving: Self.artefacts + "/01-my-work.png")

                    // a misspelt name still finds them
                    try await browser.type("\(person.givenName) \(misspelt)", into: "#nav-q")
                    try await browser.click(".nav-search button")
                    _ = try await browser.waitForURL(endingWith: misspelt)
                    try await browser.look(saving: Self.artefacts + "/02-search.png")
                    try await browser.click("main a[href='/people/\(person.id)']")
                    _ = try await browser.waitForURL(endingWith: "/people/\(person.id)")
                    #expect(try await browser.text(of: "h1").contains(person.familyName))
                    try await browser.look(saving: Self.artefacts + "/03-record.png")

                    // record a contact
                    try await browser.click("a[href='/people/\(person.id)/contacts/new']")
                    try await browser.click("input[name=method][value=phone]")
                    try await browser.type("Spoke to young person", into: "#outcome")
                    // A note over the limit is refused with the count, and kept whole for trimming: never cut short by the browser.
                    let long = String(repeating: "Long note. ", count: 410)
                    try await browser.type(long, into: "#notes")
                    try await browser.click("main form button[type=submit]")
                    #expect(try await browser.text(of: ".error-summary").contains("4000 characters or fewer (it has \(long.count - 1))"))
                    let kept = (try await browser.evaluate("return document.querySelector('#notes').value.length") as? NSNumber)?.intValue ?? 0
                    #expect(kept >= long.count - 1, "the whole note comes back to be trimmed (\(kept) characters)")
                    try await browser.setValue("", of: "#notes")
                    try await browser.type("Wants to start an apprenticeship in January", into: "#notes")
                    try await browser.look(saving: Self.artefacts + "/04-contact-form.png")
                    try await browser.click("main form button[type=submit]")
                    _ = try await browser.waitForURL(endingWith: "saved=contact")
                    #expect(try await browser.text(of: "main").contains("Contact recorded."))
                    // A second contact, then Back and Save again: the form comes back with its one-time token (or,
                    // fetched anew, empty and refused), so the repeat records nothing.
                    let contacts = try await CaseworkQueries(store: store).contacts(of: person.id).count
                    try await browser.click("a[href='/people/\(person.id)/contacts/new']")
                    try await browser.click("input[name=method][value=sms]")
                    try await browser.type("Sent a text about the open day", into: "#outcome")
                    try await browser.click("main form button[type=submit]")
                    _ = try await browser.waitForURL(endingWith: "saved=contact")
                    _ = try await browser.evaluate("history.back(); return 1")
                    _ = try await browser.waitForURL(endingWith: "/contacts/new")
                    try await browser.click("main form button[type=submit]")
                    #expect(try await CaseworkQueries(store: store).contacts(of: person.id).count == contacts + 1, "Back then Save records nothing more")

                    // update the activity: first without the NEET start date, which NCCIS 224 requires
                    try await browser.click("a[href='/people/\(person.id)/activity/new']")
                    try await browser.click("#code option[value='540']")
                    try await browser.click("main form button[type=submit]")
                    _ = try await browser.waitForURL(endingWith: "code=540")
                    try await browser.enterDate("start-date", "2", "11", "2026")
                    try await browser.enterDate("date-ascertained", "16", "11", "2026")
                    try await browser.click("main form button[type=submit]")
                    let problem = try await browser.text(of: ".error-summary")
                    #expect(problem.contains("NCCIS 224"))
                    try await browser.look(saving: Self.artefacts + "/05-activity-error.png")
                    try await browser.click(".error-summary a[href='#neet-start-date-day']")
                    try await browser.enterDate("neet-start-date", "2", "11", "2026")
                    try await browser.click("main form button[type=submit]")
                    _ = try await browser.waitForURL(endingWith: "saved=activity")
                    let timeline = try await browser.text(of: ".timeline")
                    #expect(timeline.contains("2 November 2026 – now"), "the new activity is current on the timeline")
                    #expect(timeline.contains("540"))
                    try await browser.look(saving: Self.artefacts + "/06-timeline.png")

                    try await browser.click(".account button")
                    let signedOut = try await browser.waitForURL(endingWith: "/sign-in")
                    #expect(signedOut.hasSuffix("/sign-in"))
                }
            }
        }
    }

    /// Writes the last vowel as another, the way names are misheard ("Jacksen", "Robinsan").
    static func misspell(_ name: String) -> String {
        var letters = Array(name)
        let swaps: [Character: Character] = ["a": "e", "e": "a", "i": "y", "o": "a", "u": "o"]
        guard let index = letters.indices.dropFirst().last(where: { swaps[letters[$0]] != nil }) else { return name }
        letters[index] = swaps[letters[index]]!
        return String(letters)
    }
}
