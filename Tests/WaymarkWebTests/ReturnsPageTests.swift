import Foundation
import Hummingbird
import HummingbirdTesting
import SQLKit
import Testing
import WaymarkApp
import WaymarkCore
import WaymarkRecords
import WaymarkStore
import WaymarkTestSupport
@testable import WaymarkWeb

/// The data manager's readiness page, generation and download of the return.
@Suite struct ReturnsPageTests {
    static func addStudent(_ store: Store) async throws {
        let home = try DemoAuthority.laCode
        try await store.change(by: .system("test"), at: WebTestHarness.now) { tx in
            let id = try await tx.createPerson(
                NewYoungPerson(
                    identity: YoungPersonIdentity(
                        givenName: "Amara", familyName: "Okafor", dateOfBirth: try CalendarDate(iso: "2009-03-14"), gender: .female,
                        ethnicity: .blackAfrican),
                    cohortStatus: .primary, responsibleLA: home, educatedLA: home))
            try await tx.addAddress(
                AddressRecord(lines: ["1 Mill Lane"], town: nil, county: nil, postcode: "NM3 4QT", ward: nil, validFrom: try CalendarDate(iso: "2015-01-01")),
                for: id)
            // No need assessment: the return must report errors 100 and 103 for this record.
            try await tx.recordActivity(
                ActivityRecord(code: .notKnown, startDate: try CalendarDate(iso: "2026-09-01"), dateAscertained: try CalendarDate(iso: "2026-09-01")),
                for: id)
        }
    }

    @Test func aPersonalAdviserCannotOpenTheReturn() async throws {
        try await WebTestHarness.run(.sqlite) { client, _ in
            let (_, cookies) = try await client.signIn()
            let response = try await client.get("/returns", cookies: cookies)
            #expect(response.status == .forbidden)
        }
    }

    @Test func signedOutVisitorsAreSentToSignIn() async throws {
        try await WebTestHarness.run(.sqlite) { client, _ in
            let response = try await client.get("/returns")
            #expect(response.status == .seeOther || response.status == .found)
            #expect(response.headers[.location] == "/sign-in")
        }
    }

    @Test(arguments: TestDatabases.engines)
    func aDataManagerSeesErrorsGeneratesAndDownloadsTheFile(_ engine: DatabaseEngine) async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("returns-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try await WebTestHarness.run(engine, role: .dataManager, returnsDirectory: directory) { client, store in
            try await Self.addStudent(store)
            let (_, cookies) = try await client.signIn()

            let asked = try await client.get("/returns?period-end=2026-10-31", cookies: cookies)
            #expect(asked.text.contains("Waiting to start checking every record"))
            #expect(!asked.text.contains("id=\"error-100\""), "the request only queues the check")
            #expect(try await WebTestHarness.runJobs(store, returnsDirectory: directory) == 1)
            let page = try await client.get("/returns?period-end=2026-10-31", cookies: cookies)
            #expect(page.status == .ok)
            #expect(page.text.contains("NCCIS return for 31 October 2026"))
            #expect(page.text.contains("<option value=\"2026-10-31\" selected>October 2026</option>"), "the period is a month chosen from a list")
            #expect(page.text.contains("<option value=\"2024-11-30\">November 2024</option>") && !page.text.contains("type=\"date\""))
            #expect(page.text.contains("id=\"error-100\""))
            #expect(page.text.contains("id=\"error-103\""))
            #expect(page.text.contains("Amara Okafor ("), "examples are named, not just numbered")
            let audits = try await store.sql.raw("SELECT detail FROM audit_event WHERE action = 'view' AND entity = 'return_readiness'").all()
            let details = try audits.map { try $0.decode(column: "detail", as: String.self) }
            #expect(details.contains { $0.hasPrefix("readiness examples;") && $0.contains("shown=") }, "the named examples are audited: \(details)")
            let csrf = try #require(page.csrfField)

            let refused = try await client.form("/returns", ["period-end": "2026-10-31"], cookies: cookies)
            #expect(refused.status == .forbidden, "a post without the CSRF token is refused")

            let generated = try await client.form("/returns", ["period-end": "2026-10-31", "force": "yes", "csrf": csrf], cookies: cookies)
            #expect(generated.status == .seeOther || generated.status == .found)
            #expect(try await client.get("/returns?period-end=2026-10-31", cookies: cookies).text.contains("Waiting to start writing the return file"))
            #expect(try await WebTestHarness.runJobs(store, returnsDirectory: directory) == 1)
            let history = try await ReturnHistoryQuery(store: store).returns(laCode: "990")
            let stored = try #require(history.first)
            #expect(stored.generated.records == 1)

            let download = try await client.get("/returns/\(stored.id)/download", cookies: cookies)
            #expect(download.status == .ok)
            #expect(download.headers[.contentDisposition]?.contains(stored.generated.fileName) == true)
            #expect(download.text.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"))
            #expect(download.text.contains("<ActivityCode>810</ActivityCode>"))
        }
    }

    @Test(arguments: TestDatabases.engines)
    func aReturnThatWouldBeRejectedIsNotWrittenAndThePageSaysWhy(_ engine: DatabaseEngine) async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("returns-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try await WebTestHarness.run(engine, role: .dataManager, returnsDirectory: directory) { client, store in
            let (_, cookies) = try await client.signIn()
            let csrf = try #require(try await client.get("/returns?period-end=2026-10-31", cookies: cookies).csrfField)
            // Nobody is loaded, so the file would be empty: the job refuses it.
            let asked = try await client.form("/returns", ["period-end": "2026-10-31", "csrf": csrf], cookies: cookies)
            #expect(asked.headers[.location] == "/returns?period-end=2026-10-31")
            #expect(try await WebTestHarness.runJobs(store, returnsDirectory: directory) == 2, "the readiness check and the return")
            let page = try await client.get("/returns?period-end=2026-10-31", cookies: cookies)
            #expect(page.text.contains("The return was not written"))
            #expect(page.text.contains("No young people are in the return for this period"))
            #expect(try await ReturnHistoryQuery(store: store).returns(laCode: "990").isEmpty)
            #expect(!FileManager.default.fileExists(atPath: directory + "/nccis-990-2026-10-31-job2.xml"))
        }
    }

    @Test func anImpossiblePeriodEndIsExplainedNotCrashed() async throws {
        try await WebTestHarness.run(.sqlite, role: .dataManager) { client, _ in
            let (_, cookies) = try await client.signIn()
            let response = try await client.get("/returns?period-end=2026-10-30", cookies: cookies)
            #expect(response.status == .badRequest)
            #expect(response.text.contains("not the last day of a month"))
            let garbage = try await client.get("/returns?period-end=31%2F10%2F2026", cookies: cookies)
            #expect(garbage.status == .badRequest)
            #expect(garbage.text.contains("Enter the period end as a real date"))
        }
    }
}
