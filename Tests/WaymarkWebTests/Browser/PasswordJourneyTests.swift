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

/// A user given a temporary password signs in, is sent to change it, makes
/// a mistake, then changes it and carries on — in a real headless Chromium.
@Suite(.serialized)
struct PasswordJourneyTests {
    static let artefacts = FileManager.default.currentDirectoryPath + "/.build/artefacts/screenshots"

    @Test(.enabled(if: ChromeDriverProcess.executable != nil, "chromedriver is not installed; browser journeys skipped"))
    func aUserWithATemporaryPasswordMustChooseTheirOwn() async throws {
        try await TestDatabases.withFreshStore(.sqlite) { store in
            // given an adviser whose password an administrator has just reset
            let laID = try await store.change(by: .system("test"), at: WebTestHarness.now) { tx in
                try await tx.createOrganisation(NewOrganisation(kind: .localAuthority, name: DemoAuthority.name, laCode: DemoAuthority.code))
            }
            let userID = try await UserAccounts(store: store, cost: 4).add(
                email: WebTestHarness.email, displayName: "Liam O'Connor", role: .personalAdviser, password: WebTestHarness.password,
                organisationID: laID, by: .system("test"), at: WebTestHarness.now)
            let temporary = try await PasswordChanges(store: store, cost: 4).reset(userID: userID, by: .system("test"), at: WebTestHarness.now)
            let services = WebServices(store: store, registry: DemoAuthority.registry, laCode: try DemoAuthority.laCode, passwordCost: 4, passwordHasher: .forTests)
            let app = try await buildApplication(services: services, configuration: WebConfiguration(port: 0), logger: .init(label: "browser"))
            try await app.test(.live) { client in
                let port = try #require(client.port)
                try await WebDriver.withBrowser { browser in
                    let base = "http://127.0.0.1:\(port)"

                    // when they sign in with the temporary password they land on the change form
                    try await browser.open(base + "/sign-in")
                    try await browser.type(WebTestHarness.email, into: "#email")
                    try await browser.type(temporary, into: "#password")
                    try await browser.click("button[type=submit]")
                    #expect(try await browser.waitForURL(endingWith: Paths.password).hasSuffix(Paths.password))
                    #expect(try await browser.text(of: "h1") == "Change your password")
                    try await browser.screenshot(to: Self.artefacts + "/password-01-must-change.png")

                    // and the home page sends them back there
                    try await browser.open(base + "/")
                    #expect(try await browser.waitForURL(endingWith: Paths.password).hasSuffix(Paths.password))

                    // two different new passwords are named against the second field
                    try await browser.type(temporary, into: "#current-password")
                    try await browser.type("a brand new passphrase", into: "#new-password")
                    try await browser.type("a different passphrase", into: "#confirm-password")
                    try await browser.click("form[action='/account/password'] button[type=submit]")
                    #expect(try await browser.text(of: ".error-summary").contains("The two new passwords do not match"))
                    try await browser.screenshot(to: Self.artefacts + "/password-02-mismatch.png")

                    // then a matching pair changes it, and Waymark opens as usual
                    try await browser.type(temporary, into: "#current-password")
                    try await browser.type("a brand new passphrase", into: "#new-password")
                    try await browser.type("a brand new passphrase", into: "#confirm-password")
                    try await browser.click("form[action='/account/password'] button[type=submit]")
                    #expect(try await browser.text(of: ".notice").contains("Your password has been changed"))
                    try await browser.screenshot(to: Self.artefacts + "/password-03-changed.png")
                    try await browser.click(".notice a")
                    _ = try await browser.waitForURL(endingWith: ":\(port)/")
                    #expect(try await browser.text(of: "h1") == "My work today")
                }
            }
        }
    }
}
