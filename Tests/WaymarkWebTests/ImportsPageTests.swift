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
            #expect(refused.status == .unprocessableContent && refused.text.contains("row 2, DOB: &#39;2009-13-02&#39;") || refused.text.contains("row 2, DOB: '2009-13-02'") && refused.text.contains("nothing was imported"))
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

    @Test(arguments: TestDatabases.engines)
    func theSameFileImportedAgainIsSaidToBeAlreadyImported(_ engine: DatabaseEngine) async throws {
        try await AccessFixture.run(engine) { client, store, _ in
            let officer = try await CaseworkTests.session(client, .trackingOfficer)
            let file = "Forename,Surname,DOB,Sex,UKPRN,Start date,College\nTobiah,Wrenfield,2009-05-02,M,10004927,2026-09-01,Northmere College\n"
            // An earlier, different file, so the repeated one is not simply the latest batch.
            let first = try await Self.upload(client, fields: ["csrf": officer.csrf, "kind": "college_enrolments"], fileName: "enrolments.csv",
                                              file: file, cookies: officer.cookies)
            #expect(first.status == .seeOther)
            let other = file.replacingOccurrences(of: "Tobiah,Wrenfield", with: "Marnie,Aldcott")
            _ = try await Self.upload(client, fields: ["csrf": officer.csrf, "kind": "college_enrolments"], fileName: "other.csv",
                                      file: other, cookies: officer.cookies)
            let again = try await Self.upload(client, fields: ["csrf": officer.csrf, "kind": "college_enrolments"], fileName: "enrolments-copy.csv",
                                              file: file, cookies: officer.cookies)
            let firstBatch = try #require(first.headers[.location])
            #expect(again.headers[.location] == firstBatch + "&again=1", "the earlier batch of the same bytes is the one shown")
            let page = try await client.get(try #require(again.headers[.location]), cookies: officer.cookies)
            #expect(page.text.contains("This file had already been imported"))
            #expect(page.text.contains("so nothing was changed this time. The first import: 0 updated, 0 unchanged, 1 created"))
            #expect(try await CampaignTests.total(store, "young_person") == 4, "two files, one new person each")
        }
    }

    @Test(arguments: TestDatabases.engines)
    func eachKindOffersATemplateWhoseColumnsAreNamedAsPeopleNameThem(_ engine: DatabaseEngine) async throws {
        try await AccessFixture.run(engine) { client, _, _ in
            let officer = try await CaseworkTests.session(client, .trackingOfficer)
            let page = try await client.get("/imports", cookies: officer.cookies)
            #expect(page.text.contains("<summary>College enrolments</summary>"))
            #expect(page.text.contains("<th scope=\"row\">Date of birth</th><td>Required</td>"))
            let template = try await client.get("/imports/templates/college_enrolments.csv", cookies: officer.cookies)
            #expect(template.status == .ok && template.headers[.contentType]?.hasPrefix("text/csv") == true)
            #expect(template.headers[.contentDisposition]?.contains("waymark-college_enrolments-template.csv") == true)
            #expect(template.text.hasPrefix("Record reference,Given name,Middle names,Family name,Date of birth,"))
            #expect(!template.text.contains("dob") && template.text.contains("Start date"))
            #expect(try await client.get("/imports/templates/ctf.csv", cookies: officer.cookies).status == .notFound)
            #expect(try await client.get("/imports/templates/nothing.csv", cookies: officer.cookies).status == .notFound)
        }
    }
}
