import Foundation
import Hummingbird
import HummingbirdTesting
import SQLKit
import Testing
import WaymarkApp
import WaymarkCore
import WaymarkFormats
import WaymarkMatching
import WaymarkStore
import WaymarkTestSupport
@testable import WaymarkWeb

/// Incoming rows the matcher left for a person: create a new record from one,
/// reject another, and refuse a link to a record that is not there.
@Suite struct ImportExceptionsTests {
    @Test(arguments: TestDatabases.engines)
    func rowsAreLinkedCreatedOrRejectedOnce(_ engine: DatabaseEngine) async throws {
        try await AccessFixture.run(engine) { client, store, fixture in
            let csv = """
                Forename,Surname,DOB,Sex,UKPRN,Leaving date
                Amara,Okafor,2009-03-14,F,10004927,2026-10-30
                Tobiah,Wrenfield,2009-05-02,M,10004927,2026-10-30
                """ + "\n"
            let data = Data(csv.utf8)
            let summary = try await ImportRunner(store: store, laCode: try DemoAuthority.laCode).run(
                try ImportReader.read(data, format: .csv, kind: .collegeLeavers), fileName: "leavers.csv", data: data, actor: .system("test"),
                now: WebTestHarness.now)
            #expect(summary.excepted == 2 && summary.created == 0, "leavers are never created, and Amara is not at that college on record: \(summary)")
            let open = try await MatchExceptionQueries(store: store).open()
            let amara = try #require(open.first { $0.personID == fixture.onCaseload })
            let stranger = try #require(open.first { $0.personID == nil })
            #expect(IncomingRow.decode(amara.incoming ?? "")?.row == 2, "the exception keeps which row of the file it was")

            let officer = try await CaseworkTests.session(client, .trackingOfficer)
            let page = try await client.get("/exceptions/\(amara.id)", cookies: officer.cookies)
            #expect(page.status == .ok && page.text.contains("Perhaps: <a href=\"/people/\(fixture.onCaseload)\">") && page.text.contains("10004927"))
            let nobody = try await client.form("/exceptions/\(amara.id)/link", ["csrf": officer.csrf, "person": "987654"], cookies: officer.cookies)
            #expect(nobody.status == .unprocessableContent)
            let notAPerson = try await client.form("/exceptions/\(stranger.id)/create", ["csrf": officer.csrf], cookies: officer.cookies)
            #expect(notAPerson.status == .unprocessableContent, "a leaver nobody has on record cannot become a new record")
            let linked = try await client.form("/exceptions/\(amara.id)/link", ["csrf": officer.csrf, "person": String(fixture.onCaseload)],
                                               cookies: officer.cookies)
            #expect(linked.status == .seeOther && linked.headers[.location] == "/people/\(fixture.onCaseload)")
            let decided = try #require(try await MatchExceptionQueries(store: store).exception(amara.id))
            #expect(decided.status == .linked && decided.resolution?.hasPrefix("linked; not recorded") == true,
                    "the person is linked, but a leaving date from a college the record does not show is not recorded")
            #expect(try await client.form("/exceptions/\(amara.id)/link", ["csrf": officer.csrf, "person": String(fixture.onCaseload)],
                                          cookies: officer.cookies).status == .conflict)
            let rejected = try await client.form("/exceptions/\(stranger.id)/reject", ["csrf": officer.csrf], cookies: officer.cookies)
            #expect(rejected.status == .seeOther)
            #expect(try await MatchExceptionQueries(store: store).openCount() == 0)
        }
    }
}
