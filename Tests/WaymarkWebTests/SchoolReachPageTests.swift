import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
import WaymarkApp
import WaymarkCore
import WaymarkRecords
import Logging
import WaymarkStore
import WaymarkTestSupport
@testable import WaymarkWeb

/// A careers leader's reach is worked out for the day of the request, from
/// the server's clock: the fixture's pupil left Year 11 at school A in July
/// 2025, so the school opens their record until 31 August 2028 and not after.
@Suite struct SchoolReachPageTests {
    @Test(arguments: TestDatabases.engines)
    func aSchoolLosesItsYear11LeaverOnThe1stSeptemberThreeYearsOn(_ engine: DatabaseEngine) async throws {
        try await TestDatabases.withFreshStore(engine) { store in
            let fixture = try await AccessFixture.build(store)
            let clock = TestClock(Date(timeIntervalSince1970: 1_851_336_000))  // 2028-08-31 12:00 UTC
            let services = WebServices(
                store: store, registry: DemoAuthority.registry, laCode: try DemoAuthority.laCode, passwordCost: 4, passwordHasher: .forTests,
                trustForwardedFor: true, now: { clock.now })
            let app = try await buildApplication(services: services, configuration: WebConfiguration(), logger: .init(label: "test"))
            try await app.test(.router) { client in
                func open() async throws -> HTTPResponse.Status {
                    let (_, cookies) = try await client.signIn(email: AccessFixture.email(.careersLeader))
                    return try await client.get("/people/\(fixture.onCaseload)", cookies: cookies).status
                }
                let lastDay = try await open()
                clock.advance(by: 24 * 3600)
                let nextDay = try await open()
                #expect(lastDay == .ok, "the last day of the third academic year after they left")
                #expect(nextDay == .notFound, "from 1 September 2028 the record is not the school's")
            }
        }
    }
}
