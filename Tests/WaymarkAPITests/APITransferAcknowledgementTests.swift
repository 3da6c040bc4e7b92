import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import NIOCore
import SQLKit
import Testing
import WaymarkApp
import WaymarkCore
import WaymarkFormats
import WaymarkRecords
import WaymarkStore
import WaymarkTestSupport
import WaymarkWeb

/// The signed acknowledgement through the API, on both engines, with each
/// authority's own API: Northmere (990, the fixture) moves a young person to
/// Kent (886); Kent receives, decides and answers the acknowledgement;
/// Northmere imports it and its transfer out shows what Kent did. Refused:
/// before a decision, tampered, unknown key, oversized, not an
/// acknowledgement, a repeat, a client without the scope.
@Suite struct APITransferAcknowledgementTests {
    static let octetStream = "application/octet-stream"

    func count(_ store: Store, _ table: String, _ condition: String = "1 = 1") async throws -> Int {
        try await store.sql.raw("SELECT COUNT(*) AS n FROM \(unsafeRaw: table) WHERE \(unsafeRaw: condition)").first(decodingColumn: "n", as: Int.self) ?? 0
    }

    /// Northmere's move of `person` to Kent through Northmere's API: the transfer out's id and the signed file.
    func moveToKent(_ person: Int64, _ northmere: any TestClientProtocol, _ fixture: APIFixture) async throws -> (id: Int64, file: Data) {
        let sent = try await northmere.call(.post, "/people/\(person)/transfers-out", token: fixture.laClient.token, json: #"{"to":"886","movedOn":"2026-11-01"}"#)
        #expect(sent.status == .created, "\(sent.text)")
        let id = try #require(HTTPField.Name("Waymark-Transfer-Id").flatMap { sent.headers[$0] }.flatMap { Int64($0) })
        return (id, Data(sent.body.readableBytesView))
    }

    /// Kent keeps the file through Kent's API; the received package's id.
    func receiveAtKent(_ file: Data, _ kentAPI: any TestClientProtocol, token: String) async throws -> Int {
        let kept = try await kentAPI.call(.post, "/transfers", token: token, body: ByteBuffer(bytes: file), contentType: Self.octetStream)
        #expect(kept.status == .created, "\(kept.text)")
        return try #require(kept.json["id"] as? Int, "\(kept.text)")
    }

    func importAtNorthmere(_ file: Data, _ northmere: any TestClientProtocol, token: String) async throws -> TestResponse {
        try await northmere.call(.post, "/transfer-acknowledgements", token: token, body: ByteBuffer(bytes: file), contentType: Self.octetStream)
    }

    func rules(_ response: TestResponse) -> [String] {
        (response.json["errors"] as? [[String: Any]] ?? []).compactMap { $0["rule"] as? String }
    }

    @Test(arguments: TestDatabases.engines)
    func aMoveIsAcceptedThereAndItsAcknowledgementMarksTheTransferHere(_ engine: DatabaseEngine) async throws {
        try await APIOtherAuthority.run(engine) { kent in
            try await APIFixture.run(engine) { northmere, store, app, fixture in
                try await kent.api { kentAPI, kentApp, kentClient in
                    // given: each authority holds the other's public key
                    try await kent.trusted(by: app)
                    try await kent.trust(northmereStore: store, in: kentApp)
                    // when: Northmere moves Amara to Kent, and Kent keeps the package
                    let (outID, file) = try await moveToKent(fixture.leaverA, northmere, fixture)
                    let inID = try await receiveAtKent(file, kentAPI, token: kentClient.token)
                    // then: nothing to acknowledge before a decision
                    let early = try await kentAPI.call(.get, "/transfers/\(inID)/acknowledgement", token: kentClient.token)
                    #expect(early.status == .conflict && early.headers[.contentType] == "application/problem+json", "\(early.text)")
                    // when: Kent accepts it and fetches the acknowledgement
                    let accepted = try await kentAPI.call(.post, "/transfers/\(inID)/decision", token: kentClient.token, json: #"{"decision":"accept"}"#)
                    #expect(accepted.status == .ok, "\(accepted.text)")
                    let kentPerson = try #require(accepted.json["personId"] as? Int)
                    let answer = try await kentAPI.call(.get, "/transfers/\(inID)/acknowledgement", token: kentClient.token)
                    // then: the signed file as the CLI writes it (the same envelope and payload), ids only, audited as Kent's client
                    #expect(answer.status == .ok, "\(answer.text)")
                    #expect(answer.headers[.contentType] == Self.octetStream)
                    let bytes = Data(answer.body.readableBytesView)
                    let envelope = try TransferPackageReader.envelope(bytes, registry: DemoAuthority.registry)
                    let made = try await kent.desk.acknowledgement(id: Int64(inID), by: .system("test"), at: APIFixture.now)
                    #expect(envelope.payload == (try TransferPackageReader.envelope(made.data, registry: DemoAuthority.registry).payload))
                    #expect(envelope.fromLA.code == "886" && envelope.toLA.code == "990")
                    let payload = String(decoding: envelope.payload, as: UTF8.self)
                    #expect(payload.contains("\"886-\(kentPerson)\"") && !payload.contains("Amara") && !payload.contains("Okafor"))
                    let kentUser = kentClient.client.userID
                    #expect(try await count(kent.store, "audit_event", "action = 'export' AND entity = 'transfer_in' AND actor_user_id = \(kentUser)") == 1)

                    // when: Northmere imports it
                    let done = try await importAtNorthmere(bytes, northmere, token: fixture.laClient.token)
                    // then: its transfer out is accepted, with Kent's identifier for Amara, recorded as Northmere's client
                    #expect(done.status == .ok, "\(done.text)")
                    #expect(done.json["transferId"] as? Int == Int(outID) && done.json["personId"] as? Int == Int(fixture.leaverA))
                    #expect(done.json["byLA"] as? String == "886" && done.json["decision"] as? String == "accepted")
                    #expect(done.json["theirIdentifier"] as? String == "886-\(kentPerson)")
                    #expect((done.json["summary"] as? String)?.contains("they are 886-\(kentPerson) there") == true)
                    let row = try #require(
                        try await store.sql.raw("SELECT acknowledgement, their_identifier FROM transfer_out WHERE id = \(bind: outID)").first())
                    #expect(try row.decode(column: "acknowledgement", as: String.self) == "accepted")
                    #expect(try row.decode(column: "their_identifier", as: String?.self) == "886-\(kentPerson)")
                    let northmereUser = fixture.laClient.client.userID
                    #expect(try await count(store, "audit_event", "action = 'update' AND entity = 'transfer_out' AND actor_user_id = \(northmereUser)") == 1)

                    // and the same answer again, or one made again, is a conflict naming the repeat, changing nothing
                    let twice = try await importAtNorthmere(bytes, northmere, token: fixture.laClient.token)
                    #expect(twice.status == .conflict && rules(twice) == ["repeat"], "\(twice.text)")
                    let remade = try await importAtNorthmere(made.data, northmere, token: fixture.laClient.token)
                    #expect(remade.status == .conflict && rules(remade) == ["repeat"], "\(remade.text)")
                    #expect(try await count(store, "audit_event", "action = 'update' AND entity = 'transfer_out'") == 1)
                }
            }
        }
    }

    @Test(arguments: TestDatabases.engines)
    func aDeclineIsAcknowledgedAndBadFilesOrClientsAreRefused(_ engine: DatabaseEngine) async throws {
        try await APIOtherAuthority.run(engine) { kent in
            try await APIFixture.run(engine) { northmere, store, app, fixture in
                try await kent.api { kentAPI, kentApp, kentClient in
                    // given: Kent declined Zara's package; Northmere does not yet hold Kent's key
                    try await kent.trust(northmereStore: store, in: kentApp)
                    let (outID, file) = try await moveToKent(fixture.leaverB, northmere, fixture)
                    let inID = try await receiveAtKent(file, kentAPI, token: kentClient.token)
                    let declined = try await kentAPI.call(
                        .post, "/transfers/\(inID)/decision", token: kentClient.token, json: #"{"decision":"decline","reason":"She never arrived here."}"#)
                    #expect(declined.status == .ok, "\(declined.text)")
                    let answer = try await kentAPI.call(.get, "/transfers/\(inID)/acknowledgement", token: kentClient.token)
                    #expect(answer.status == .ok, "\(answer.text)")
                    let bytes = Data(answer.body.readableBytesView)
                    #expect(try await kentAPI.call(.get, "/transfers/424242/acknowledgement", token: kentClient.token).status == .notFound)
                    let token = fixture.laClient.token

                    // a client without the scope, whatever its role: 403 both ways
                    let noScope = try await app.apiClients.issue(
                        name: "County BI (no transfers)", organisationID: fixture.laClient.client.organisationID, role: .dataManager, scopes: [.readPeople],
                        by: .system("test"), at: APIFixture.now)
                    let forbidden = try await importAtNorthmere(bytes, northmere, token: noScope.token)
                    #expect(forbidden.status == .forbidden && forbidden.headers[.contentType] == "application/problem+json", "\(forbidden.text)")
                    #expect(try await importAtNorthmere(bytes, northmere, token: fixture.schoolClient.token).status == .forbidden)
                    #expect(try await northmere.call(.get, "/transfers/1/acknowledgement", token: noScope.token).status == .forbidden)

                    // Kent's key is not in Northmere's keyring yet
                    let unknownKey = try await importAtNorthmere(bytes, northmere, token: token)
                    #expect(unknownKey.status == .unprocessableContent && rules(unknownKey) == ["keyring"], "\(unknownKey.text)")
                    try await kent.trusted(by: app)
                    // tampered: declined turned into accepted inside the signed payload
                    var envelope = try #require(try JSONSerialization.jsonObject(with: bytes) as? [String: Any])
                    let payload = try #require(Data(base64Encoded: envelope["payload"] as? String ?? ""))
                    envelope["payload"] = Data(String(decoding: payload, as: UTF8.self).replacingOccurrences(of: "declined", with: "accepted").utf8).base64EncodedString()
                    let tampered = try await importAtNorthmere(try JSONSerialization.data(withJSONObject: envelope), northmere, token: token)
                    #expect(tampered.status == .unprocessableContent && tampered.problemFields == ["signature"], "\(tampered.text)")
                    // oversized: more than 8 KB (TransferLimits.acknowledgement)
                    let big = try await importAtNorthmere(Data(repeating: 0x20, count: TransferLimits.acknowledgement.maxFileBytes + 1), northmere, token: token)
                    #expect(big.status == .unprocessableContent && rules(big) == ["size"], "\(big.text)")
                    // a transfer package, signed by Kent and addressed here, is not an acknowledgement
                    let package = try await kent.package(for: try await kent.addPerson(given: "Nadia", family: "Brennan", born: "2009-06-30"))
                    let stray = try await importAtNorthmere(package, northmere, token: token)
                    #expect(stray.status == .unprocessableContent && stray.problemFields.first == "format", "\(stray.text)")
                    #expect(try await count(store, "transfer_out", "acknowledgement IS NOT NULL") == 0, "nothing changed by a refused file")

                    // when: the real one
                    let done = try await importAtNorthmere(bytes, northmere, token: token)
                    // then: the transfer out is declined, with no identifier and no reason (the reason stays at Kent)
                    #expect(done.status == .ok, "\(done.text)")
                    #expect(done.json["transferId"] as? Int == Int(outID) && done.json["decision"] as? String == "declined")
                    #expect(done.json["theirIdentifier"] == nil && !done.text.contains("arrived"))
                    #expect(try await count(store, "transfer_out", "id = \(outID) AND acknowledgement = 'declined' AND their_identifier IS NULL") == 1)
                    let twice = try await importAtNorthmere(bytes, northmere, token: token)
                    #expect(twice.status == .conflict && rules(twice) == ["repeat"], "\(twice.text)")
                }
            }
        }
    }
}

extension APIOtherAuthority {
    /// Kent's own API on Kent's database, with a data manager's client that may exchange transfers.
    func api(_ body: @escaping @Sendable (any TestClientProtocol, AppServices, IssuedAPIClient) async throws -> Void) async throws {
        let app = AppServices(
            store: store, registry: DemoAuthority.registry, laCode: la,
            returnsDirectory: FileManager.default.temporaryDirectory.appendingPathComponent("waymark-api-test-returns-886").path, passwordCost: 4)
        let issued = try await app.apiClients.issue(
            name: "Kent transfers", organisationID: manager.user.organisationID, role: .dataManager, scopes: [.exchangeTransfers], by: .system("test"),
            at: APIFixture.now)
        let application = try await buildApplication(
            services: WebServices(app: app, now: { APIFixture.now }), configuration: WebConfiguration(), logger: .init(label: "api-test-886"))
        try await application.test(.router) { client in try await body(client, app, issued) }
    }

    /// Puts Northmere's (the fixture's) public key in Kent's keyring.
    func trust(northmereStore: Store, in kentApp: AppServices) async throws {
        let key = try await TransferSigning(store: northmereStore, laCode: try DemoAuthority.laCode).publicKey(at: APIFixture.now)
        _ = try await kentApp.transfers.addPeerKey(la: key.laCode, base64: key.publicKey, by: .system("test"), at: APIFixture.now)
    }
}
