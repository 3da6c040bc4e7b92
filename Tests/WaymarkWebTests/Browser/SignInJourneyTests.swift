import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
import WaymarkApp
import WaymarkStore
import WaymarkTestSupport

@testable import WaymarkWeb
import Logging
import WaymarkCore
import WaymarkRecords

/// Journeys in a real headless Chromium. chromedriver must be installed
/// (`.ci/run` installs it); without it these tests are skipped with a note.
@Suite(.serialized)
struct SignInJourneyTests {
    static let artefacts = FileManager.default.currentDirectoryPath + "/.build/artefacts/screenshots"

    @Test(.enabled(if: ChromeDriverProcess.executable != nil, "chromedriver is not installed; browser journeys skipped"))
    func aPersonalAdviserSignsInSeesTheCountsAndSignsOut() async throws {
        try await TestDatabases.withFreshStore(.sqlite) { store in
            // given a user in the demo LA, served live on a random port
            let laID = try await store.change(by: .system("test"), at: WebTestHarness.now) { tx in
                try await tx.createOrganisation(NewOrganisation(kind: .localAuthority, name: DemoAuthority.name, laCode: DemoAuthority.code))
            }
            _ = try await UserAccounts(store: store, cost: 4).add(
                email: WebTestHarness.email, displayName: "Liam O'Connor", role: .personalAdviser, password: WebTestHarness.password,
                organisationID: laID, by: .system("test"), at: WebTestHarness.now)
            let services = WebServices(store: store, registry: DemoAuthority.registry, laCode: try DemoAuthority.laCode, passwordHasher: .forTests)
            let app = try await buildApplication(services: services, configuration: WebConfiguration(port: 0), logger: .init(label: "browser"))
            try await app.test(.live) { client in
                let port = try #require(client.port)
                try await WebDriver.withBrowser { browser in
                    let base = "http://127.0.0.1:\(port)"

                    // when they open Waymark they are asked to sign in
                    try await browser.open(base + "/")
                    #expect(try await browser.waitForURL(endingWith: "/sign-in").hasSuffix("/sign-in"))
                    try await browser.look(saving: Self.artefacts + "/01-sign-in.png")

                    // a wrong password shows the error summary
                    try await browser.type(WebTestHarness.email, into: "#email")
                    try await browser.type("wrong password", into: "#password")
                    try await browser.click("button[type=submit]")
                    #expect(try await browser.text(of: ".error-summary").contains("There is a problem"))
                    try await browser.look(saving: Self.artefacts + "/02-sign-in-error.png")

                    // the right one opens the adviser's work for today, with the LA's counts below
                    try await browser.type(WebTestHarness.password, into: "#password")
                    try await browser.click("button[type=submit]")
                    #expect(try await browser.text(of: "h1") == "My work today")
                    #expect(try await browser.text(of: ".figures").contains("NEET or not known"))
                    try await browser.look(saving: Self.artefacts + "/03-home.png")

                    // and signing out returns to the sign-in page
                    try await browser.click(".account button")
                    let afterSignOut = try await browser.waitForURL(endingWith: "/sign-in")
                    #expect(afterSignOut.hasSuffix("/sign-in"), "after signing out the browser is at \(afterSignOut)")
                }
            }
        }
    }
}
