import Crypto
import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import SQLKit
import Testing
import WaymarkApp
import WaymarkCore
import WaymarkRecords
import WaymarkStore
import WaymarkTestSupport

/// Moving young people between authorities through the API, on both
/// engines: out (the move recorded, the signed file answered), in (checked
/// whole: tampered, unknown key, oversized and repeated files refused),
/// listed, read and decided — each as the client, under its scope.
@Suite struct APITransfersTests {
    func count(_ store: Store, _ table: String, _ condition: String = "1 = 1") async throws -> Int {
        try await store.sql.raw("SELECT COUNT(*) AS n FROM \(unsafeRaw: table) WHERE \(unsafeRaw: condition)").first(decodingColumn: "n", as: Int.self) ?? 0
    }

    @Test(arguments: TestDatabases.engines)
    func aMoveOutIsRecordedAndAnswersTheSignedFile(_ engine: DatabaseEngine) async throws {
        try await APIFixture.run(engine) { client, store, _, fixture in
            let token = fixture.laClient.token
            let move = #"{"to":"886","movedOn":"2026-11-01"}"#
            // when
            let sent = try await client.call(.post, "/people/\(fixture.leaverA)/transfers-out", token: token, json: move)
            // then: the file, its id and digest, the move recorded and audited as the client
            #expect(sent.status == .created, "\(sent.text)")
            #expect(sent.headers[.contentType] == "application/octet-stream")
            let digest = SHA256.hash(data: Data(sent.body.readableBytesView)).map { String(format: "%02x", $0) }.joined()
            let (shaHeader, idHeader) = (try #require(HTTPField.Name("Waymark-Package-SHA256")), try #require(HTTPField.Name("Waymark-Transfer-Id")))
            #expect(sent.headers[shaHeader] == digest)
            let id = try #require(sent.headers[idHeader].flatMap { Int64($0) })
            #expect(sent.json["format"] as? String == "waymark-transfer-envelope" && sent.json["toLA"] as? String == "886" && sent.json["signature"] != nil)
            let stored = try await store.sql.raw("SELECT package_sha256 FROM transfer_out WHERE id = \(bind: id)").first(decodingColumn: "package_sha256", as: String.self)
            #expect(stored == digest)
            let status = try await store.sql.raw("SELECT cohort_status FROM young_person WHERE id = \(bind: fixture.leaverA)").first(decodingColumn: "cohort_status", as: String.self)
            #expect(status == "T")
            let clientUser = fixture.laClient.client.userID
            #expect(try await count(store, "audit_event", "action = 'export' AND actor_user_id = \(clientUser) AND person_id = \(fixture.leaverA)") >= 1)

            // refusals: own LA (422), not a code (400), out of reach (404), no scope (403)
            let own = try await client.call(.post, "/people/\(fixture.leaverB)/transfers-out", token: token, json: #"{"to":"990","movedOn":"2026-11-01"}"#)
            #expect(own.status == .unprocessableContent, "\(own.text)")
            let notCode = try await client.call(.post, "/people/\(fixture.leaverB)/transfers-out", token: token, json: #"{"to":"Kent","movedOn":"2026-11-01"}"#)
            #expect(notCode.status == .badRequest && notCode.problemFields == ["to"])
            #expect(try await client.call(.post, "/people/424242/transfers-out", token: token, json: move).status == .notFound)
            let school = try await client.call(.post, "/people/\(fixture.leaverB)/transfers-out", token: fixture.schoolClient.token, json: move)
            #expect(school.status == .forbidden && school.headers[.contentType] == "application/problem+json")
            #expect(try await count(store, "transfer_out") == 1, "nothing recorded by a refused move")
        }
    }

    @Test(arguments: TestDatabases.engines)
    func aPackageIsCheckedWholeKeptListedReadAndAccepted(_ engine: DatabaseEngine) async throws {
        try await APIOtherAuthority.run(engine) { kent in
            let nadia = try await kent.addPerson(given: "Nadia", family: "Brennan", born: "2009-06-30")
            let file = try await kent.package(for: nadia)
            try await APIFixture.run(engine) { client, store, app, fixture in
                let token = fixture.laClient.token
                func send(_ data: Data, as token: String) async throws -> TestResponse {
                    try await client.call(.post, "/transfers", token: token, body: ByteBuffer(bytes: data), contentType: "application/octet-stream")
                }
                // Kent's key is not in the keyring yet: refused, nothing kept.
                let unknownKey = try await send(file, as: token)
                #expect(unknownKey.status == .unprocessableContent && unknownKey.problemFields == ["fromLA"], "\(unknownKey.text)")
                #expect((unknownKey.json["errors"] as? [[String: Any]])?.first?["rule"] as? String == "keyring")
                try await kent.trusted(by: app)

                // Tampered: a name changed inside the signed package.
                var envelope = try #require(try JSONSerialization.jsonObject(with: file) as? [String: Any])
                let payload = try #require(Data(base64Encoded: envelope["payload"] as? String ?? ""))
                envelope["payload"] = Data(String(decoding: payload, as: UTF8.self).replacingOccurrences(of: "Nadia", with: "Nadja").utf8).base64EncodedString()
                let tampered = try await send(try JSONSerialization.data(withJSONObject: envelope), as: token)
                #expect(tampered.status == .unprocessableContent && tampered.problemFields == ["signature"], "\(tampered.text)")
                // Oversized: more than 1 MB (TransferLimits.standard).
                let big = try await send(Data(repeating: 0x20, count: (1 << 20) + 1), as: token)
                #expect(big.status == .unprocessableContent && (big.json["errors"] as? [[String: Any]])?.first?["rule"] as? String == "size", "\(big.text)")
                #expect(try await count(store, "transfer_in") == 0, "nothing kept of a refused file")
                // Without the scope.
                #expect(try await send(file, as: fixture.schoolClient.token).status == .forbidden)

                // when: the real file
                let kept = try await send(file, as: token)
                // then: the receipt, and nobody here is like Nadia
                #expect(kept.status == .created, "\(kept.text)")
                let id = try #require(kept.json["id"] as? Int)
                #expect(kept.json["status"] as? String == "received" && kept.json["fromLA"] as? String == "886")
                #expect((kept.json["match"] as? [String: Any])?["kind"] as? String == "none")
                #expect((kept.json["acknowledgement"] as? String)?.contains("kept as transfer \(id)") == true)
                // The same file again: a conflict, naming the repeat.
                let again = try await send(file, as: token)
                #expect(again.status == .conflict && (again.json["errors"] as? [[String: Any]])?.first?["rule"] as? String == "repeat", "\(again.text)")

                // listed and read
                let list = try await client.call(.get, "/transfers", token: token)
                #expect(list.status == .ok && (list.json["items"] as? [[String: Any]])?.map { $0["id"] as? Int } == [id])
                #expect(list.json["nextCursor"] == nil)
                #expect(try await client.call(.get, "/transfers?cursor=cGFnZToy", token: token).status == .unprocessableContent, "a search's cursor")
                let read = try await client.call(.get, "/transfers/\(id)", token: token)
                #expect(read.status == .ok)
                #expect((read.json["person"] as? [String: Any])?["givenName"] as? String == "Nadia")
                #expect((read.json["activities"] as? [[String: Any]])?.first?["code"] as? Int == 210)
                let clientUser = fixture.laClient.client.userID
                #expect(try await count(store, "audit_event", "entity = 'transfer_in' AND action = 'view' AND actor_user_id = \(clientUser)") >= 1)
                #expect(try await client.call(.get, "/transfers/\(id)", token: fixture.readOnlyClient.token).status == .forbidden)
                #expect(try await client.call(.get, "/transfers/424242", token: token).status == .notFound)

                // decided: rules the schema cannot say, then accepted as matched (nobody: a new record)
                let linkless = try await client.call(.post, "/transfers/\(id)/decision", token: token, json: #"{"decision":"link"}"#)
                #expect(linkless.status == .unprocessableContent && linkless.problemFields == ["personId"])
                let short = try await client.call(.post, "/transfers/\(id)/decision", token: token, json: #"{"decision":"decline","reason":"no"}"#)
                #expect(short.status == .unprocessableContent && short.problemFields == ["reason"])
                let accepted = try await client.call(.post, "/transfers/\(id)/decision", token: token, json: #"{"decision":"accept"}"#)
                #expect(accepted.status == .ok, "\(accepted.text)")
                #expect(accepted.json["status"] as? String == "accepted" && accepted.json["outcome"] as? String == "created")
                let person = try #require(accepted.json["personId"] as? Int)
                let given = try await store.sql.raw("SELECT given_name FROM young_person WHERE id = \(bind: person)").first(decodingColumn: "given_name", as: String.self)
                #expect(given == "Nadia")
                let after = try await client.call(.get, "/transfers/\(id)", token: token)
                #expect(after.status == .ok && after.json["status"] as? String == "accepted" && after.json["person"] == nil, "the content was dropped")
                let twice = try await client.call(.post, "/transfers/\(id)/decision", token: token, json: #"{"decision":"create"}"#)
                #expect(twice.status == .conflict)
            }
        }
    }

    @Test(arguments: TestDatabases.engines)
    func aPackageCanBeLinkedOrDeclinedWithAReason(_ engine: DatabaseEngine) async throws {
        try await APIOtherAuthority.run(engine) { kent in
            let amara = try await kent.addPerson(given: "Amara", family: "Okafor", born: "2009-03-14")
            let ravi = try await kent.addPerson(given: "Ravi", family: "Shah", born: "2009-01-02")
            let (first, second) = (try await kent.package(for: amara), try await kent.package(for: ravi))
            try await APIFixture.run(engine) { client, store, app, fixture in
                try await kent.trusted(by: app)
                let token = fixture.laClient.token
                func send(_ data: Data) async throws -> Int {
                    let kept = try await client.call(.post, "/transfers", token: token, body: ByteBuffer(bytes: data), contentType: "application/octet-stream")
                    return try #require(kept.json["id"] as? Int, "\(kept.text)")
                }
                let (linkID, declineID) = (try await send(first), try await send(second))
                // link Amara's package to the Amara already here (a null reason is the same as none, as the document says)
                let linked = try await client.call(
                    .post, "/transfers/\(linkID)/decision", token: token, json: #"{"decision":"link","personId":\#(fixture.leaverA),"reason":null}"#)
                #expect(linked.status == .ok && linked.json["outcome"] as? String == "linked" && linked.json["personId"] as? Int == Int(fixture.leaverA), "\(linked.text)")
                let previous = try await store.sql.raw("SELECT COUNT(*) AS n FROM person_previous_identifier WHERE person_id = \(bind: fixture.leaverA)")
                    .first(decodingColumn: "n", as: Int.self)
                #expect(previous == 1)
                // decline Ravi's, with a reason
                let declined = try await client.call(
                    .post, "/transfers/\(declineID)/decision", token: token, json: #"{"decision":"decline","reason":"He never lived here."}"#)
                #expect(declined.status == .ok && declined.json["status"] as? String == "declined" && declined.json["reason"] as? String == "He never lived here.")
                #expect(declined.json["personId"] == nil)
                // the list pages by cursor, newest first
                let page = try await client.call(.get, "/transfers", token: token)
                #expect((page.json["items"] as? [[String: Any]])?.compactMap { $0["id"] as? Int } == [declineID, linkID])
            }
        }
    }
}
