import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import SQLKit
import Testing
import WaymarkApp
import WaymarkCore
import WaymarkFormats
import WaymarkMatching
import WaymarkRecords
import WaymarkStore
import WaymarkTestSupport
@testable import WaymarkWeb

/// Incoming rows the matcher left for a person, on the demo LA: link one,
/// refuse to make a record from a leaver nobody has, reject it, and refuse a
/// link to a record that is not there.
@Suite struct ImportExceptionsTests {
    @Test(arguments: TestDatabases.engines)
    func rowsAreLinkedCreatedOrRejectedOnce(_ engine: DatabaseEngine) async throws {
        try await TestDatabases.withFreshStore(engine) { store in
            _ = try await DemoSetup(store: store, logger: .init(label: "test"), passwordCost: 4).run(people: 800, seed: 14, now: WebTestHarness.now)
            let person = try #require(try await LinkageRecordsQuery(store: store).records(in: .authority(laCode: "990")).first { $0.upn != nil })
            let personID = try #require(Int64(person.recordID))
            let born = try #require(person.dateOfBirth)
            let data = Data(("Forename,Surname,DOB,Sex,UPN,UKPRN,Leaving date\n"
                + "\(person.givenName ?? ""),\(person.familyName ?? ""),\(String(format: "%04d-%02d-%02d", born.year, born.month, born.day)),"
                + "\(person.gender ?? ""),\(person.upn ?? ""),10004927,2026-10-30\n"
                + "Tobiah,Wrenfield,2009-05-02,M,,10004927,2026-10-30\n").utf8)
            let summary = try await ImportRunner(store: store, laCode: try DemoAuthority.laCode).run(
                try ImportReader.read(data, format: .csv, kind: .collegeLeavers), fileName: "leavers.csv", data: data, actor: .system("test"),
                now: WebTestHarness.now)
            #expect(summary.excepted == 2 && summary.created == 0, "leavers are never created, and the record does not have them at that college: \(summary)")
            let open = try await MatchExceptionQueries(store: store).open()
            let known = try #require(open.first { $0.personID == personID })
            let stranger = try #require(open.first { $0.personID == nil })
            #expect(IncomingRow.decode(known.incoming ?? "")?.reason.contains("does not have them at") == true)

            let services = WebServices(store: store, registry: DemoAuthority.registry, laCode: try DemoAuthority.laCode, passwordCost: 4,
                                       passwordHasher: .forTests, now: { WebTestHarness.now })
            let app = try await buildApplication(services: services, configuration: WebConfiguration(), logger: .init(label: "test"))
            try await app.test(.router) { client in
                let (_, cookies) = try await client.signIn(email: "tracking-officer@northmere.example", password: DemoSetup.password)
                let csrf = try #require(try await client.get("/", cookies: cookies).csrfField)
                let page = try await client.get("/exceptions/\(known.id)", cookies: cookies)
                #expect(page.status == .ok && page.text.contains("Perhaps: <a href=\"/people/\(personID)\">") && page.text.contains("10004927"))
                let nobody = try await client.form("/exceptions/\(known.id)/link", ["csrf": csrf, "person": "987654"], cookies: cookies)
                #expect(nobody.status == .unprocessableContent)
                // Refused on the row's own page, with the summary linking to the field and the number kept: not a bare error page.
                #expect(nobody.text.contains("<h1>Who is this row about?</h1>") && nobody.text.contains("href=\"#person\""))
                #expect(nobody.text.contains("value=\"987654\""))
                let notAPerson = try await client.form("/exceptions/\(stranger.id)/create", ["csrf": csrf], cookies: cookies)
                #expect(notAPerson.status == .unprocessableContent, "a leaver nobody has on record cannot become a new record")
                #expect(notAPerson.text.contains("<h1>Who is this row about?</h1>") && notAPerson.text.contains("href=\"#create\""))
                #expect(notAPerson.text.contains("This row cannot be used"))
                let linked = try await client.form("/exceptions/\(known.id)/link", ["csrf": csrf, "person": String(personID)], cookies: cookies)
                #expect(linked.status == .seeOther && linked.headers[.location] == "/people/\(personID)")
                let decided = try #require(try await MatchExceptionQueries(store: store).exception(known.id))
                #expect(decided.status == .linked && decided.resolution?.hasPrefix("linked; not recorded") == true,
                        "the person is linked, but a leaving date from a college the record does not show is not recorded")
                #expect(try await client.form("/exceptions/\(known.id)/link", ["csrf": csrf, "person": String(personID)], cookies: cookies).status == .conflict)
                let rejected = try await client.form("/exceptions/\(stranger.id)/reject", ["csrf": csrf], cookies: cookies)
                #expect(rejected.status == .seeOther)
                #expect(try await MatchExceptionQueries(store: store).openCount() == 0)
            }
        }
    }
}
