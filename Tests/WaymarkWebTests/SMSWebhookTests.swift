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

/// The gateway's side of sending: delivery reports and replies posted to
/// `/webhooks/sms/*` with the shared bearer token, no session, no CSRF.
@Suite struct SMSWebhookTests {
    static let token = "gateway-shared-secret"

    static func services(_ store: Store, token: String? = Self.token, now: @escaping @Sendable () -> Date = { Date() }) throws -> WebServices {
        WebServices(store: store, registry: DemoAuthority.registry, laCode: try DemoAuthority.laCode, passwordCost: 4, smsWebhookToken: token, now: now)
    }

    static func person(_ store: Store, now: Date) async throws -> Int64 {
        let home = try DemoAuthority.laCode
        return try await store.change(by: .system("test"), at: now) { tx in
            try await tx.createPerson(NewYoungPerson(
                identity: YoungPersonIdentity(givenName: "Amara", familyName: "Okafor", dateOfBirth: try CalendarDate(iso: "2009-03-14"), gender: .female,
                                              ethnicity: .blackAfrican, upn: nil, uln: nil),
                cohortStatus: .primary, responsibleLA: home, educatedLA: home))
        }
    }

    static func enqueueText(_ store: Store, person: Int64, to number: String, now: Date) async throws -> Int64 {
        try await store.change(by: .system("test"), at: now) { tx in
            try await tx.enqueue(NewOutboxMessage(campaignID: nil, channel: "sms", recipient: number, subject: nil, body: "Are you in college?",
                                                  notBefore: now), for: person)
        }
    }

    static func contacts(_ store: Store, person: Int64) async throws -> [String] {
        try await store.sql.select().columns("direction", "outcome", "summary").from("contact").where("person_id", .equal, person).orderBy("id").all()
            .map { "\(try $0.decode(column: "direction", as: String.self)) \(try $0.decode(column: "outcome", as: String.self)) \(try $0.decode(column: "summary", as: String?.self) ?? "-")" }
    }

    static func rows(_ store: Store) async throws -> Int {
        var total = 0
        for table in ["audit_event", "contact"] {
            total += try await store.sql.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from(table).first()!.decode(column: "n", as: Int.self)
        }
        return total
    }

    // MARK: round trip over real HTTP

    @Test(arguments: TestDatabases.engines)
    func aTextIsSentDeliveredAndAnsweredThroughTheGateway(_ engine: DatabaseEngine) async throws {
        try await TestDatabases.withFreshStore(engine) { store in
            let app = try await buildApplication(services: try Self.services(store), configuration: WebConfiguration(port: 0), logger: .init(label: "test"))
            try await app.test(.live) { client in
                let port = try #require(client.port)
                let base = "http://127.0.0.1:\(port)/webhooks/sms/"
                try await LocalServers.withSMSGateway(token: Self.token, inboundURL: base + "inbound") { gateway in
                    let now = Date()
                    let amara = try await Self.person(store, now: now)
                    let ben = try await Self.person(store, now: now)
                    let delivered = try await Self.enqueueText(store, person: amara, to: "07700900123", now: now)
                    let undelivered = try await Self.enqueueText(store, person: ben, to: "07700999999", now: now)
                    let client = SMSGatewayClient(configuration: SMSGatewayConfiguration(
                        url: gateway.url, token: Self.token, callbackURL: SMSGatewayConfiguration.deliveryCallback(publicURL: URL(string: "http://127.0.0.1:\(port)")!)))
                    let counts = try await OutboxWorker(store: store, transports: [client]).drainOnce(now: now)
                    #expect(counts.sent == 2)

                    let reports = try await gateway.waitForReports(count: 2, timeout: .seconds(120))
                    #expect(reports.map { $0.report?.answer } == [200, 200])
                    let outbox = Outbox(store: store)
                    #expect(try await outbox.message(delivered)?.status == .delivered)
                    #expect(try await outbox.message(undelivered)?.status == .failed)
                    #expect(try await Self.contacts(store, person: ben) == ["outbound sent -", "outbound not delivered -"])

                    let reply = try await gateway.simulateReply(from: "+447700900123", text: "Yes, at Northmere College since September", reference: "in-1")
                    #expect(reply.status == 200)
                    #expect(try await Self.contacts(store, person: amara) == [
                        "outbound sent -", "inbound replied Yes, at Northmere College since September",
                    ])
                    let stranger = try await gateway.simulateReply(from: "07123456789", text: "who is this?", reference: "in-2")
                    #expect(stranger.status == 202)
                    #expect(stranger.body.contains("nothing was stored"))
                    #expect(try await Self.contacts(store, person: amara).count == 2)
                }
            }
        }
    }

    // MARK: bad input

    @Test(arguments: TestDatabases.engines)
    func malformedPostsGetAClearRefusalAndStoreNothing(_ engine: DatabaseEngine) async throws {
        try await TestDatabases.withFreshStore(engine) { store in
            let now = Date(timeIntervalSince1970: 1_795_000_000)
            let person = try await Self.person(store, now: now)
            let id = try await Self.enqueueText(store, person: person, to: "07700900123", now: now)
            let outbox = Outbox(store: store)
            _ = try await outbox.claimNext(worker: "w", now: now, lease: 60)
            try await outbox.markSent(id, worker: "w", providerReference: "gw-1", now: now)
            let before = try await Self.rows(store)

            let app = try await buildApplication(services: try Self.services(store, now: { now }), configuration: WebConfiguration(), logger: .init(label: "test"))
            try await app.test(.router) { client in
                func post(_ path: String, _ body: String, token: String? = Self.token) async throws -> TestResponse {
                    var headers = HTTPFields()
                    headers[.contentType] = "application/json"
                    if let token { headers[.authorization] = "Bearer \(token)" }
                    return try await client.execute(uri: "/webhooks/sms/\(path)", method: .post, headers: headers, body: ByteBuffer(string: body))
                }
                let cases: [(String, String, String?, HTTPResponse.Status, String)] = [
                    ("delivery", "this is not json", Self.token, .badRequest, "JSON object with the fields reference and status"),
                    ("delivery", "[1, 2]", Self.token, .badRequest, "JSON object"),
                    ("delivery", #"{"reference": "gw-1"}"#, Self.token, .badRequest, "reference and status"),
                    ("delivery", #"{"reference": "gw-1", "status": "maybe"}"#, Self.token, .badRequest, "delivered"),
                    ("delivery", #"{"reference": 7, "status": "delivered"}"#, Self.token, .badRequest, "JSON"),
                    ("delivery", #"{"reference": "gw-1", "status": "delivered"}"#, "wrong", .unauthorized, "bearer token"),
                    ("delivery", #"{"reference": "gw-1", "status": "delivered"}"#, nil, .unauthorized, "bearer token"),
                    ("delivery", #"{"reference": "gw-404", "status": "delivered"}"#, Self.token, .notFound, "nothing was stored"),
                    ("delivery", "{\"reference\": \"gw-1\", \"status\": \"delivered\", \"detail\": \"" + String(repeating: "x", count: 1_000_000) + "\"}",
                     Self.token, .contentTooLarge, "at most 16384 bytes"),
                    ("inbound", "{", Self.token, .badRequest, "from and text"),
                    ("inbound", #"{"from": "07700900123"}"#, Self.token, .badRequest, "from and text"),
                    ("inbound", #"{"from": "", "text": "hi"}"#, Self.token, .badRequest, "phone number"),
                    ("inbound", #"{"from": "07700900123", "text": "hi", "reference": ""}"#, Self.token, .badRequest, "reference"),
                    ("inbound", #"{"from": "07700900123", "text": "hi"}"#, "wrong", .unauthorized, "bearer token"),
                    ("inbound", #"{"from": "07999999999", "text": "hi"}"#, Self.token, .accepted, "nothing was stored"),
                ]
                for (path, body, token, status, says) in cases {
                    let response = try await post(path, body, token: token)
                    #expect(response.status == status, "\(path) \(body.prefix(60))")
                    #expect(response.text.contains(says), "\(path) \(body.prefix(60)): \(response.text)")
                }
                #expect(try await Self.rows(store) == before, "nothing stored half-way")
                #expect(try await outbox.message(id)?.status == .sent)

                // and the server is fine afterwards: a good report, with no session or CSRF token, is recorded
                let good = try await post("delivery", #"{"reference": "gw-1", "status": "delivered"}"#)
                #expect(good.status == .ok)
                #expect(try await outbox.message(id)?.status == .delivered)
                #expect(try await client.get("/health").status == .ok)
            }
        }
    }

    @Test(arguments: TestDatabases.engines)
    func webhooksAreOffWithoutAToken(_ engine: DatabaseEngine) async throws {
        try await TestDatabases.withFreshStore(engine) { store in
            let app = try await buildApplication(services: try Self.services(store, token: nil), configuration: WebConfiguration(), logger: .init(label: "test"))
            try await app.test(.router) { client in
                var headers = HTTPFields()
                headers[.authorization] = "Bearer anything"
                let response = try await client.execute(uri: "/webhooks/sms/delivery", method: .post, headers: headers,
                                                        body: ByteBuffer(string: #"{"reference": "gw-1", "status": "delivered"}"#))
                #expect(response.status == .notFound)
                #expect(response.text.contains("not configured"))
            }
        }
    }
}
