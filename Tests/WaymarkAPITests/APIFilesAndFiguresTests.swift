import Foundation
import HTTPTypes
import HummingbirdTesting
import Logging
import NIOCore
import SQLKit
import Testing
import WaymarkApp
import WaymarkCore
import WaymarkRecords
import WaymarkStore
import WaymarkTestSupport

/// Files, figures, the destinations report and the return through the API.
@Suite struct APIFilesAndFiguresTests {
    static let year11List = """
        given_name,family_name,dob,gender,intended_destination
        Kai,Okafor,2011-02-03,F,121
        Ravi,Patel,2011-05-06,M,511

        """

    @Test(arguments: TestDatabases.engines)
    func aSchoolSendsItsYear11ListAndReadsWhatBecameOfIt(_ engine: DatabaseEngine) async throws {
        try await APIFixture.run(engine) { client, _, _, fixture in
            let token = fixture.schoolClient.token
            let sent = try await client.call(
                .post, "/imports?kind=year11_list&fileName=year11.csv", token: token, body: ByteBuffer(string: Self.year11List),
                contentType: "application/octet-stream")
            #expect(sent.status == .created, "\(sent.text)")
            #expect(sent.json["rowsRead"] as? Int == 2 && sent.json["kind"] as? String == "year11_list")
            let id = try #require(sent.json["id"] as? Int)
            let read = try await client.call(.get, "/imports/\(id)", token: token)
            #expect(read.status == .ok && read.json["id"] as? Int == id)
            let counted = ["updated", "unchanged", "created", "excepted"].compactMap { read.json[$0] as? Int }.reduce(0, +)
            #expect(counted == 2, "every row has an outcome: \(read.text)")
            let exceptions = try await client.call(.get, "/imports/\(id)/exceptions", token: token)
            #expect(exceptions.status == .ok)
            #expect((exceptions.json["items"] as? [Any])?.count == read.json["excepted"] as? Int)

            // The same bytes again import nothing twice.
            let again = try await client.call(
                .post, "/imports?kind=year11_list&fileName=year11.csv", token: token, body: ByteBuffer(string: Self.year11List),
                contentType: "application/octet-stream")
            #expect(again.status == .created && again.json["alreadyImported"] as? Bool == true)

            // Another client of the same school did not send it: not found.
            #expect(try await client.call(.get, "/imports/\(id)", token: fixture.readOnlyClient.token).status == .forbidden, "no write:imports scope")
            // A school sends only its Year 11 list.
            let census = try await client.call(
                .post, "/imports?kind=college_leavers&fileName=x.csv", token: token, body: ByteBuffer(string: "a\n1\n"), contentType: "application/octet-stream")
            #expect(census.status == .unprocessableContent && census.problemFields == ["kind"])
        }
    }

    @Test(arguments: TestDatabases.engines)
    func aFileWithProblemsImportsNothingAndNamesEachRowFieldAndRule(_ engine: DatabaseEngine) async throws {
        try await APIFixture.run(engine) { client, store, _, fixture in
            let token = fixture.laClient.token
            let broken = "given_name,family_name,dob,intended_destination\nKai,Okafor,2011-02-31,121\n,Patel,2011-05-06,999\n"
            let sent = try await client.call(
                .post, "/imports?kind=year11_list&fileName=broken.csv", token: token, body: ByteBuffer(string: broken), contentType: "application/octet-stream")
            #expect(sent.status == .unprocessableContent, "\(sent.text)")
            let errors = sent.json["errors"] as? [[String: Any]] ?? []
            #expect(errors.count >= 3)
            #expect(errors.allSatisfy { ($0["row"] as? Int ?? 0) >= 2 && $0["rule"] as? String != nil })
            #expect(Set(errors.compactMap { $0["field"] as? String }).isSuperset(of: ["dob", "given_name", "intended_destination"]), "\(sent.text)")
            let batches = try await store.sql.raw("SELECT COUNT(*) AS n FROM import_batch").first(decodingColumn: "n", as: Int.self)
            #expect(batches == 0, "nothing half-written is kept")
            let badName = try await client.call(
                .post, "/imports?kind=year11_list&fileName=../x.csv", token: token, body: ByteBuffer(string: broken), contentType: "application/octet-stream")
            #expect(badName.status == .unprocessableContent && badName.problemFields == ["fileName"])
            let badKind = try await client.call(
                .post, "/imports?kind=spreadsheet&fileName=x.csv", token: token, body: ByteBuffer(string: broken), contentType: "application/octet-stream")
            #expect(badKind.status == .badRequest)
            #expect(try await client.call(.get, "/imports/424242", token: token).status == .notFound)
        }
    }

    @Test(arguments: TestDatabases.engines)
    func figuresAreComputedByAJobAndReadWhenDone(_ engine: DatabaseEngine) async throws {
        try await APIFixture.run(engine) { client, store, _, fixture in
            let token = fixture.laClient.token
            let asked = try await client.call(.get, "/figures?monthEnd=2026-10-31", token: token)
            #expect(asked.status == .ok)
            #expect((asked.json["job"] as? [String: Any])?["status"] as? String == "queued")
            #expect(asked.json["neet"] == nil, "no figures until computed")
            try await Self.runJobs(store)
            let done = try await client.call(.get, "/figures?monthEnd=2026-10-31", token: token)
            #expect((done.json["job"] as? [String: Any])?["status"] as? String == "done", "\(done.text)")
            let cohort = try #require(done.json["cohort"] as? Int)
            #expect(cohort == 2, "the two 2025 leavers are 16–17; the Year 11 pupil is not yet in the cohort: \(done.text)")
            #expect(try await client.call(.get, "/figures?monthEnd=2026-10-30", token: token).problemFields == ["monthEnd"])
            #expect(try await client.call(.get, "/figures?monthEnd=2027-02-28", token: token).status == .unprocessableContent, "not begun")
            #expect(try await client.call(.get, "/figures?monthEnd=31-10-2026", token: token).status == .badRequest)
        }
    }

    @Test(arguments: TestDatabases.engines)
    func aSchoolReadsItsDestinationsReport(_ engine: DatabaseEngine) async throws {
        try await APIFixture.run(engine) { client, _, _, fixture in
            let report = try await client.call(.get, "/destinations?leavingYear=2025", token: fixture.schoolClient.token)
            #expect(report.status == .ok, "\(report.text)")
            #expect(report.json["school"] as? String == "Millbrook Park School" && report.json["total"] as? Int == 1)
            #expect(try await client.call(.get, "/destinations?leavingYear=2019", token: fixture.schoolClient.token).status == .unprocessableContent)
            #expect(try await client.call(.get, "/destinations?leavingYear=1999", token: fixture.schoolClient.token).status == .unprocessableContent)
            // The LA has no school of its own: the report is the portal's.
            #expect(try await client.call(.get, "/destinations", token: fixture.laClient.token).status == .forbidden)
        }
    }

    @Test(arguments: TestDatabases.engines)
    func theReturnIsAskedForGeneratedAndFetched(_ engine: DatabaseEngine) async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("waymark-api-returns-\(UUID().uuidString)").path
        try await APIFixture.run(engine, returnsDirectory: directory) { client, store, _, fixture in
            let token = fixture.laClient.token
            let asked = try await client.call(.post, "/returns", token: token, json: #"{"periodEnd":"2026-10-31","force":true}"#)
            #expect(asked.status == .accepted, "\(asked.text)")
            #expect(["queued", "running"].contains(asked.json["status"] as? String))
            try await Self.runJobs(store, returnsDirectory: directory)
            let listed = try await client.call(.get, "/returns?periodEnd=2026-10-31", token: token)
            #expect(listed.status == .ok)
            let returns = listed.json["returns"] as? [[String: Any]] ?? []
            let id = try #require(returns.first?["id"] as? Int, "\(listed.text)")
            #expect(returns.first?["periodEnd"] as? String == "2026-10-31")
            let file = try await client.call(.get, "/returns/\(id)/file", token: token)
            #expect(file.status == .ok && file.headers[.contentType] == "application/xml")
            #expect(file.text.hasPrefix("<?xml"))
            #expect(try await client.call(.get, "/returns/\(id + 100)/file", token: token).status == .notFound)
            #expect(try await client.call(.get, "/returns", token: fixture.schoolClient.token).status == .forbidden)
            let badDate = try await client.call(.post, "/returns", token: token, json: #"{"periodEnd":"2026-10-15"}"#)
            #expect(badDate.status == .unprocessableContent && badDate.problemFields == ["periodEnd"])
        }
    }

    static func runJobs(_ store: Store, returnsDirectory: String? = nil) async throws {
        let standard = StandardJobs(
            store: store, registry: DemoAuthority.registry, laCode: try DemoAuthority.laCode,
            returnsDirectory: returnsDirectory ?? FileManager.default.temporaryDirectory.appendingPathComponent("waymark-api-test-returns").path,
            now: { APIFixture.now })
        _ = try await JobRunner(store: store, handlers: standard.handlers, settings: JobRunner.Settings(), logger: .init(label: "api-test-jobs"), now: { APIFixture.now })
            .drain()
    }
}
