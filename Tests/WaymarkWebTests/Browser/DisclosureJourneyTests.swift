import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
import WaymarkApp
import WaymarkCore
import WaymarkStore
import WaymarkTestSupport

@testable import WaymarkWeb

/// A school's careers leader opens a pupil who has substance-misuse, youth
/// offending and mental-health characteristics, an address and an adviser's
/// note, in a real browser at desktop and phone width: none of it shows.
@Suite(.serialized)
struct DisclosureJourneyTests {
    static let artefacts = SignInJourneyTests.artefacts

    @Test(.enabled(if: ChromeDriverProcess.executable != nil, "chromedriver is not installed; browser journeys skipped"))
    func aCareersLeaderSeesNoSpecialCategoryOnAPupilsRecord() async throws {
        try await TestDatabases.withFreshStore(.sqlite) { store in
            let fixture = try await AccessFixture.build(store)
            try await DisclosureTests.addSecrets(to: fixture.onCaseload, store: store, adviser: fixture.users[.personalAdviser])
            let services = WebServices(
                store: store, registry: DemoAuthority.registry, laCode: try DemoAuthority.laCode, passwordHasher: .forTests,
                now: { WebTestHarness.now })
            let app = try await buildApplication(services: services, configuration: WebConfiguration(port: 0), logger: .init(label: "browser"))
            try await app.test(.live) { client in
                let base = "http://127.0.0.1:\(try #require(client.port))"
                for (width, name) in [(1280, "desktop"), (390, "phone")] {
                    try await WebDriver.withBrowser(width: width, height: 900) { browser in
                        try await browser.open(base + "/sign-in")
                        try await browser.type(AccessFixture.email(.careersLeader), into: "#email")
                        try await browser.type(WebTestHarness.password, into: "#password")
                        try await browser.click("button[type=submit]")
                        _ = try await browser.waitForURL(endingWith: "/")
                        try await browser.open(base + "/people/\(fixture.onCaseload)")
                        #expect(try await browser.text(of: "h1") == "Amara Okafor")
                        let shown = try await browser.text(of: "main")
                        for (sensitivity, phrase) in DisclosureTests.secrets {
                            #expect(!shown.contains(phrase), "\(sensitivity) reached the careers leader at \(name) width: \(phrase)")
                        }
                        #expect(shown.contains("Restricted for your role"))
                        #expect(shown.contains("Education"), "the current activity's category is what a school needs")
                        try await browser.look(saving: Self.artefacts + "/disclosure-careers-leader-\(name).png")
                    }
                }
            }
        }
    }
}
