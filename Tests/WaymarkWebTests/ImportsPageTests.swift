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

/// Uploading a file through the page, as a browser sends it (multipart/form-data).
@Suite struct ImportsPageTests {
    static func upload(_ client: any TestClientProtocol, fields: [String: String], fileName: String, file: String,
                       cookies: [String: String]) async throws -> TestResponse {
        let boundary = "----waymark-test-boundary"
        var body = ""
        for (name, value) in fields.sorted(by: { $0.key < $1.key }) {
            body += "--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n"
        }
        body += "--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"\(fileName)\"\r\nContent-Type: text/csv\r\n\r\n\(file)\r\n"
        body += "--\(boundary)--\r\n"
        var headers = HTTPFields()
        headers[.contentType] = "multipart/form-data; boundary=\(boundary)"
        headers[.cookie] = cookies.map { "\($0.key)=\($0.value)" }.sorted().joined(separator: "; ")
        return try await client.execute(uri: "/imports", method: .post, headers: headers, body: ByteBuffer(string: body))
    }

    @Test(arguments: TestDatabases.engines)
    func aFileIsUploadedAndImportedOrRefusedWithItsProblems(_ engine: DatabaseEngine) async throws {
        try await AccessFixture.run(engine) { client, store, _ in
            let officer = try await CaseworkTests.session(client, .trackingOfficer)
            let form = try await client.get("/imports", cookies: officer.cookies)
            #expect(form.status == .ok && form.text.contains("enctype=\"multipart/form-data\""))

            let broken = "Forename,Surname,DOB,Sex,UKPRN,Start date\nTobiah,Wrenfield,2009-13-02,M,10004927,2026-09-01\n"
            let refused = try await Self.upload(client, fields: ["csrf": officer.csrf, "kind": "college_enrolments"], fileName: "enrolments.csv",
                                                file: broken, cookies: officer.cookies)
            #expect(refused.status == .unprocessableContent && refused.text.contains("row 2, dob") && refused.text.contains("nothing was imported"))
            #expect(try await CampaignTests.total(store, "import_batch") == 0)
            #expect(refused.text.contains("<option value=\"college_enrolments\" selected>"), "the kind chosen is kept for the corrected file")

            let forged = try await Self.upload(client, fields: ["csrf": "not-the-token", "kind": "college_enrolments"], fileName: "enrolments.csv",
                                               file: broken, cookies: officer.cookies)
            #expect(forged.status == .forbidden)
            let wrongType = try await Self.upload(client, fields: ["csrf": officer.csrf, "kind": "college_enrolments"], fileName: "enrolments.pdf",
                                                  file: "%PDF", cookies: officer.cookies)
            #expect(wrongType.status == .unprocessableContent && wrongType.text.contains(".csv or .xlsx"))

            let good = "Forename,Surname,DOB,Sex,UKPRN,Start date,College\nTobiah,Wrenfield,2009-05-02,M,10004927,2026-09-01,Northmere College\n"
            let imported = try await Self.upload(client, fields: ["csrf": officer.csrf, "kind": "college_enrolments"], fileName: "enrolments.csv",
                                                 file: good, cookies: officer.cookies)
            #expect(imported.status == .seeOther)
            let result = try await client.get(try #require(imported.headers[.location]), cookies: officer.cookies)
            #expect(result.text.contains("enrolments.csv imported: 0 updated, 0 unchanged, 1 created, 0 for review"))
            #expect(try await CampaignTests.total(store, "young_person") == 3)

            let pa = try await CaseworkTests.session(client, .personalAdviser)
            #expect(try await client.get("/imports", cookies: pa.cookies).status == .forbidden)
        }
    }
}
