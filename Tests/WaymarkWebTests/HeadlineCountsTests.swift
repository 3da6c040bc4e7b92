import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import NIOConcurrencyHelpers
import Testing
import WaymarkApp
import WaymarkCore
import WaymarkRecords
import WaymarkStore
import WaymarkTestSupport
@testable import WaymarkWeb

/// The home page's headline counts are reused for a short while, say when
/// they were counted, and are counted again once that while has passed.
@Suite struct HeadlineCountsTests {
    static func records(_ html: String) -> String? {
        html.firstMatch(of: try! Regex("for the ([0-9,]+) young people"))?.output[1].substring.map(String.init)
    }

    @Test(arguments: TestDatabases.engines)
    func countsAreReusedBrieflyThenCountedAgain(_ engine: DatabaseEngine) async throws {
        try await TestDatabases.withFreshStore(engine) { store in
            let fixture = try await AccessFixture.build(store)
            let clock = NIOLockedValueBox(WebTestHarness.now)
            let services = WebServices(
                store: store, registry: DemoAuthority.registry, laCode: try DemoAuthority.laCode, passwordCost: 4, headlineCountsLifetime: 120,
                passwordHasher: .forTests, now: { clock.withLockedValue { $0 } })
            let app = try await buildApplication(services: services, configuration: WebConfiguration(), logger: .init(label: "test"))
            try await app.test(.router) { client in
                let (_, cookies) = try await client.signIn(email: AccessFixture.email(.trackingOfficer))
                let first = try await client.get("/", cookies: cookies)
                #expect(Self.records(first.text) == "2")
                #expect(first.text.contains("counted at "))
                let la = try DemoAuthority.registry.code(DemoAuthority.code)
                try await store.change(by: .system("test"), at: WebTestHarness.now) { tx in
                    _ = try await tx.createPerson(
                        NewYoungPerson(
                            identity: YoungPersonIdentity(givenName: "Noor", familyName: "Haddad", dateOfBirth: try CalendarDate(iso: "2009-05-01"),
                                                          gender: .female, ethnicity: .blackAfrican),
                            cohortStatus: .primary, responsibleLA: la, educatedLA: la, schoolID: fixture.schoolB))
                }
                clock.withLockedValue { $0 = $0.addingTimeInterval(60) }
                #expect(Self.records(try await client.get("/", cookies: cookies).text) == "2", "within two minutes the counts are reused")
                clock.withLockedValue { $0 = $0.addingTimeInterval(61) }
                let expired = try await client.get("/", cookies: cookies).text
                #expect(Self.records(expired) == "2", "after two minutes the last counts are shown while they are counted again")
                await services.headlineCounts.settle()
                #expect(Self.records(try await client.get("/", cookies: cookies).text) == "3", "then the new counts")
            }
        }
    }

    /// After verifying an answer the not-known count stayed as it was for two
    /// minutes: a change made through this server now shows at once.
    @Test(arguments: TestDatabases.engines)
    func aChangeMadeHereShowsInTheCountsAtOnce(_ engine: DatabaseEngine) async throws {
        try await TestDatabases.withFreshStore(engine) { store in
            let fixture = try await AccessFixture.build(store)
            let services = WebServices(
                store: store, registry: DemoAuthority.registry, laCode: try DemoAuthority.laCode, passwordCost: 4, headlineCountsLifetime: 120,
                passwordHasher: .forTests, now: { WebTestHarness.now })
            let app = try await buildApplication(services: services, configuration: WebConfiguration(), logger: .init(label: "test"))
            try await app.test(.router) { client in
                let officer = try await CaseworkTests.session(client, .trackingOfficer)
                let adviser = try await CaseworkTests.session(client, .personalAdviser)
                #expect(Self.records(try await client.get("/", cookies: officer.cookies).text) == "2")
                let la = try DemoAuthority.registry.code(DemoAuthority.code)
                try await store.change(by: .system("test"), at: WebTestHarness.now) { tx in
                    _ = try await tx.createPerson(
                        NewYoungPerson(
                            identity: YoungPersonIdentity(givenName: "Noor", familyName: "Haddad", dateOfBirth: try CalendarDate(iso: "2009-05-01"),
                                                          gender: .female, ethnicity: .blackAfrican),
                            cohortStatus: .primary, responsibleLA: la, educatedLA: la, schoolID: fixture.schoolB))
                }
                #expect(Self.records(try await client.get("/", cookies: officer.cookies).text) == "2", "a change elsewhere waits for the lifetime")
                let refused = try await client.form("/people/\(fixture.onCaseload)/contacts", ["csrf": adviser.csrf], cookies: adviser.cookies)
                #expect(refused.status.code >= 400)
                #expect(Self.records(try await client.get("/", cookies: officer.cookies).text) == "2", "a refused form changes nothing")
                let saved = try await client.form(
                    "/people/\(fixture.onCaseload)/contacts",
                    ["occurred-on": "2026-11-18", "method": "phone", "direction": "outbound", "outcome": "Spoke to young person", "csrf": adviser.csrf],
                    cookies: adviser.cookies)
                #expect(saved.status == .seeOther)
                #expect(Self.records(try await client.get("/", cookies: officer.cookies).text) == "3", "a change made here is counted at once")
            }
        }
    }
}
