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

/// "My work today" on the demo LA: every number on the home page is the
/// length of the list it links to, and the lists hold only the adviser's own people.
@Suite struct WorkTodayTests {
    static func withDemo(_ engine: DatabaseEngine, _ body: @escaping @Sendable (any TestClientProtocol, Store) async throws -> Void) async throws {
        try await TestDatabases.withFreshStore(engine) { store in
            _ = try await DemoSetup(store: store, logger: .init(label: "test"), passwordCost: 4).run(people: 600, seed: 11, now: WebTestHarness.now)
            let services = WebServices(
                store: store, registry: DemoAuthority.registry, laCode: try DemoAuthority.laCode, passwordCost: 4, passwordHasher: .forTests, now: { WebTestHarness.now })
            let app = try await buildApplication(services: services, configuration: WebConfiguration(), logger: .init(label: "test"))
            try await app.test(.router) { client in try await body(client, store) }
        }
    }

    static func links(in html: String, prefix: String) -> [(link: String, count: Int)] {
        let pattern = try! Regex("<a href=\"(\(prefix)[^\"]*)\"><span class=\"count-number\">([0-9]+)</span>")
        return html.matches(of: pattern).compactMap { match in
            guard let link = match.output[1].substring, let count = match.output[2].substring.flatMap({ Int($0) }) else { return nil }
            return (String(link), count)
        }
    }

    @Test(arguments: TestDatabases.engines)
    func everyNumberIsTheLengthOfItsList(_ engine: DatabaseEngine) async throws {
        try await Self.withDemo(engine) { client, store in
            let (_, cookies) = try await client.signIn(email: "personal-adviser@northmere.example", password: DemoSetup.password)
            let home = try await client.get("/", cookies: cookies)
            #expect(home.status == .ok)
            #expect(home.text.contains("<h1>My work today</h1>"))
            let numbers = Self.links(in: home.text, prefix: "/my-work/")
            #expect(numbers.count == WorkList.needsMe.count + WorkList.tiers.count)
            #expect(numbers.contains { $0.count > 0 && $0.link.hasSuffix("neet-no-contact") }, "the demo adviser has NEET young people to chase")
            #expect(numbers.contains { $0.count > 0 && $0.link.hasSuffix("follow-ups-due") })
            let adviser = try #require(try await UserQueries(store: store).user(email: "personal-adviser@northmere.example"))
            let caseload = Set(try await CaseloadQueries(store: store).members(of: adviser.id, in: .authority(laCode: "990")).map(\.id))
            #expect(!caseload.isEmpty)
            for (link, count) in numbers {
                let list = try await client.get(link, cookies: cookies)
                #expect(list.status == .ok, "\(link)")
                let people = list.text.matches(of: try Regex("href=\"/people/([0-9]+)\"")).compactMap { $0.output[1].substring.flatMap { Int64($0) } }
                #expect(people.count == count, "\(link) lists as many people as the home page said")
                #expect(people.allSatisfy(caseload.contains), "\(link) holds only the adviser's own caseload")
            }
            let tiers = numbers.filter { $0.link.contains("tier") }.map(\.count).reduce(0, +)
            #expect(tiers == caseload.count, "the tiers add up to the caseload")
        }
    }

    @Test(arguments: TestDatabases.engines)
    func aManagerSeesCaseloadSizesAndContactsAndEachClicksThrough(_ engine: DatabaseEngine) async throws {
        try await Self.withDemo(engine) { client, _ in
            let (_, cookies) = try await client.signIn(email: "manager@northmere.example", password: DemoSetup.password)
            let home = try await client.get("/", cookies: cookies)
            #expect(home.text.contains("<h1>My team</h1>"))
            let rows = home.text.matches(of: try Regex("<a href=\"(/team/[0-9]+(\\?show=[a-z-]+)?)\">([0-9]+)<span"))
            #expect(rows.count == 25, "five advisers, each with caseload, contacts, NEET without contact, overdue follow-ups and missed appointments")
            for row in rows {
                let link = String(try #require(row.output[1].substring))
                let count = Int(try #require(row.output[3].substring)) ?? -1
                let list = try await client.get(link, cookies: cookies)
                #expect(list.status == .ok)
                #expect(list.text.matches(of: try Regex("href=\"/people/[0-9]+\"")).count == count, "\(link)")
            }
            #expect(rows.contains { $0.output[2].substring == "?show=contacts" && Int($0.output[3].substring ?? "") ?? 0 > 0 }, "demo contacts this month are counted")
        }
    }
}
