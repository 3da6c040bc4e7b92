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

/// Suspected duplicates in the demo LA (the generator plants some): scanned,
/// shown side by side with each field's weight, merged, and the merge undone.
@Suite struct ExceptionsTests {
    static func lastScan(_ store: Store) async throws -> DuplicateScanSummary? {
        try await JobQueue(store: store).recent(kind: JobKind.duplicateScan.rawValue, limit: 1).first?.decodedResult(as: DuplicateScanSummary.self)
    }

    @Test(arguments: TestDatabases.engines)
    func aSuspectedDuplicateIsMergedAndTheMergeUndone(_ engine: DatabaseEngine) async throws {
        try await TestDatabases.withFreshStore(engine) { store in
            _ = try await DemoSetup(store: store, logger: .init(label: "test"), passwordCost: 4).run(people: 1_500, seed: 4, now: WebTestHarness.now)
            let services = WebServices(store: store, registry: DemoAuthority.registry, laCode: try DemoAuthority.laCode, passwordCost: 4,
                                       passwordHasher: .forTests, now: { WebTestHarness.now })
            let app = try await buildApplication(services: services, configuration: WebConfiguration(), logger: .init(label: "test"))
            try await app.test(.router) { client in
                let (_, cookies) = try await client.signIn(email: "tracking-officer@northmere.example", password: DemoSetup.password)
                let csrf = try #require(try await client.get("/", cookies: cookies).csrfField)
                let scanned = try await client.form("/exceptions/scan", ["csrf": csrf], cookies: cookies)
                #expect(scanned.headers[.location] == "/exceptions")
                #expect(try await client.get("/exceptions", cookies: cookies).text.contains("Waiting to start scanning"))
                _ = try await client.form("/exceptions/scan", ["csrf": csrf], cookies: cookies)
                #expect(try await WebTestHarness.runJobs(store) == 1, "a second request while the first is queued joins it")
                let queued = try #require(try await Self.lastScan(store)?.queued)
                #expect(queued > 0, "the demo's planted duplicates are found")
                #expect(try await client.get("/exceptions", cookies: cookies).text.contains("\(queued) new suspected duplicates queued"))
                _ = try await client.form("/exceptions/scan", ["csrf": csrf], cookies: cookies)
                #expect(try await WebTestHarness.runJobs(store) == 1)
                #expect(try await Self.lastScan(store)?.queued == 0, "a second scan queues nothing twice")

                let exception = try #require(try await MatchExceptionQueries(store: store).open().first)
                let (left, right) = (try #require(exception.personID), try #require(exception.otherPersonID))
                let page = try await client.get("/exceptions/\(exception.id)", cookies: cookies)
                #expect(page.status == .ok && page.text.contains("Record \(left)") && page.text.contains("Record \(right)"))
                #expect(page.text.contains("How each field counted") && page.text.contains("family_name"))

                let unknownKeep = try await client.form("/exceptions/\(exception.id)/merge", ["csrf": csrf, "keep": "999999"], cookies: cookies)
                #expect(unknownKeep.status == .unprocessableContent)
                let leftContacts = try await CaseworkTests.count(store, "activity", person: left)
                let rightContacts = try await CaseworkTests.count(store, "activity", person: right)
                let merged = try await client.form("/exceptions/\(exception.id)/merge", ["csrf": csrf, "keep": String(left)], cookies: cookies)
                #expect(merged.status == .seeOther)
                let mergeLocation = try #require(merged.headers[.location])
                #expect(try await CaseworkTests.count(store, "activity", person: left) == leftContacts + rightContacts)
                let oldLink = try await client.get("/people/\(right)", cookies: cookies)
                #expect(oldLink.status == .seeOther && oldLink.headers[.location] == "/people/\(left)", "the merged record's link leads to the kept one")
                let twice = try await client.form("/exceptions/\(exception.id)/merge", ["csrf": csrf, "keep": String(left)], cookies: cookies)
                #expect(twice.status == .notFound || twice.status == .conflict, "a decided exception cannot be merged again")

                #expect(try await client.get("/people/\(left)", cookies: cookies).text.contains("href=\"\(mergeLocation)\""),
                        "the kept record links to its merge, so it can be undone later")
                let mergePage = try await client.get(mergeLocation, cookies: cookies)
                #expect(mergePage.text.contains("Undo this merge"))
                let undone = try await client.form(mergeLocation + "/undo", ["csrf": csrf], cookies: cookies)
                #expect(undone.status == .seeOther)
                #expect(try await CaseworkTests.count(store, "activity", person: left) == leftContacts)
                #expect(try await CaseworkTests.count(store, "activity", person: right) == rightContacts)
                #expect(try await client.get("/people/\(right)", cookies: cookies).status == .ok)
                #expect(try await client.form(mergeLocation + "/undo", ["csrf": csrf], cookies: cookies).status == .conflict)

                let adviser = try await client.signIn(email: "personal-adviser@northmere.example", password: DemoSetup.password).cookies
                #expect(try await client.get("/exceptions", cookies: adviser).status == .forbidden)
            }
        }
    }
}
