import Foundation
import SQLKit
import Testing
import WaymarkApp
import WaymarkCore
import WaymarkRecords
import WaymarkStore
import WaymarkTestSupport

/// The outbox worker against real servers: python3 scripts started by the
/// tests (`scripts/local-smtp-server.py`, `scripts/local-sms-gateway.py`), on
/// both database engines. The webhook round trips are in WaymarkWebTests.
@Suite struct SendingTests {
    static let now = ReturnFixtures.now
    static let from = "waymark@northmere.example"

    static func queue(_ store: Store, channel: String, recipient: String, subject: String? = nil, body: String = "Hello") async throws -> (person: Int64, message: Int64) {
        let person = try await ReturnFixtures.addStudent(store)
        let message = try await store.change(by: .system("test"), at: now) { tx in
            try await tx.enqueue(NewOutboxMessage(campaignID: nil, channel: channel, recipient: recipient, subject: subject, body: body, notBefore: now),
                                 for: person)
        }
        return (person, message)
    }

    static func mailer(_ server: LocalSMTPServer, credentials: SMTPCredentials? = nil, timeout: Duration = .seconds(10)) -> SMTPMailer {
        SMTPMailer(configuration: SMTPConfiguration(host: "127.0.0.1", port: server.port, from: from, credentials: credentials, timeout: timeout,
                                                    heloName: "waymark.test"))
    }

    static func outcomes(_ store: Store, person: Int64) async throws -> [String] {
        try await store.sql.select().columns("method", "direction", "outcome").from("contact").where("person_id", .equal, person).orderBy("id").all()
            .map { "\(try $0.decode(column: "method", as: String.self)) \(try $0.decode(column: "direction", as: String.self)) \(try $0.decode(column: "outcome", as: String.self))" }
    }

    static func nextAttempt(_ store: Store, _ id: Int64) async throws -> Date? {
        let row = try await store.sql.select().column("next_attempt_at").from("outbox_message").where("id", .equal, id).first()
        return try row.flatMap { Timestamp.parse(try $0.decode(column: "next_attempt_at", as: String.self)) }
    }

    // MARK: e-mail

    @Test(arguments: TestDatabases.engines)
    func anEmailReachesTheSMTPServerPersonalisedDotStuffedAndSignedInWithPlain(_ engine: DatabaseEngine) async throws {
        try await LocalServers.withSMTPServer(user: "relay", password: "s3cret") { server in
            try await TestDatabases.withFreshStore(engine) { store in
                let body = "Hello Amara,\n.a line that starts with a dot\n..and one with two\nYour link: {{link}}\r\nBye"
                let (person, id) = try await Self.queue(store, channel: "email", recipient: "amara@example.com", subject: "Your plans – after school",
                                                        body: body)
                let worker = OutboxWorker(
                    store: store, transports: [Self.mailer(server, credentials: SMTPCredentials(user: "relay", password: "s3cret"))],
                    personalise: { message in (message.subject, message.body.replacingOccurrences(of: "{{link}}", with: "https://waymark.example/r/abc")) })
                let counts = try await worker.drainOnce(now: Self.now)
                #expect(counts.sent == 1 && counts.failed == 0 && counts.retrying == 0)

                let mail = try #require(try server.received().first)
                #expect(try server.received().count == 1)
                #expect(mail.rcpt_to == ["<amara@example.com>"])
                #expect(mail.mail_from.hasPrefix("<\(Self.from)>"))
                #expect(mail.auth_user == "relay")
                let message = try #require(try await Outbox(store: store).message(id))
                let (headers, text) = try #require(mail.data.range(of: "\r\n\r\n").map { (mail.data[..<$0.lowerBound], mail.data[$0.upperBound...]) })
                #expect(headers.contains("Message-ID: <\(message.idempotencyKey)@northmere.example>"))
                #expect(headers.contains("To: amara@example.com"))
                #expect(headers.contains("Subject: =?utf-8?B?\(Data("Your plans – after school".utf8).base64EncodedString())?="))
                #expect(text == "Hello Amara,\r\n.a line that starts with a dot\r\n..and one with two\r\nYour link: https://waymark.example/r/abc\r\nBye\r\n",
                        "lines keep their leading dots once the server undoes the stuffing; every line ends CRLF")
                #expect(message.status == .sent && message.attempts == 1)
                #expect(try await Self.outcomes(store, person: person) == ["email outbound sent"])
            }
        }
    }

    @Test(arguments: TestDatabases.engines)
    func aPermanentRefusalFailsForGoodAndIsAContact(_ engine: DatabaseEngine) async throws {
        try await LocalServers.withSMTPServer { server in
            try await TestDatabases.withFreshStore(engine) { store in
                let (person, id) = try await Self.queue(store, channel: "email", recipient: "fail-permanent@example.com")
                let counts = try await OutboxWorker(store: store, transports: [Self.mailer(server)]).drainOnce(now: Self.now)
                #expect(counts.failed == 1 && counts.sent == 0)
                let message = try #require(try await Outbox(store: store).message(id))
                #expect(message.status == .failed && message.lastError == "smtp 550 at RCPT TO")
                #expect(try await Self.outcomes(store, person: person) == ["email outbound could not be sent"])
                #expect(try server.received().isEmpty)
            }
        }
    }

    @Test(arguments: TestDatabases.engines)
    func aTransientRefusalIsRetriedAfterTheBackOff(_ engine: DatabaseEngine) async throws {
        try await LocalServers.withSMTPServer { server in
            try await TestDatabases.withFreshStore(engine) { store in
                let (person, id) = try await Self.queue(store, channel: "email", recipient: "fail-transient@example.com")
                let policy = RetryPolicy()
                let worker = OutboxWorker(store: store, transports: [Self.mailer(server)], policy: policy)
                #expect(try await worker.drainOnce(now: Self.now).retrying == 1)
                var message = try #require(try await Outbox(store: store).message(id))
                #expect(message.status == .queued && message.attempts == 1 && message.lastError == "smtp 451 at RCPT TO")
                #expect(try await Self.nextAttempt(store, id) == Self.now.addingTimeInterval(policy.delay(afterAttempt: 1)))
                #expect(try await worker.drainOnce(now: Self.now.addingTimeInterval(policy.delay(afterAttempt: 1) - 1)) == OutboxWorker.Counts(),
                        "nothing is tried before the back-off")
                let second = Self.now.addingTimeInterval(policy.delay(afterAttempt: 1))
                #expect(try await worker.drainOnce(now: second).retrying == 1)
                message = try #require(try await Outbox(store: store).message(id))
                #expect(message.attempts == 2)
                #expect(try await Self.nextAttempt(store, id) == second.addingTimeInterval(policy.delay(afterAttempt: 2)), "the wait grows")
                #expect(try await Self.outcomes(store, person: person).isEmpty, "a retry is not yet a contact")
            }
        }
    }

    /// Once the server has answered 250 to the message, a QUIT it never answers
    /// changes nothing: the message is sent, and is not tried again.
    @Test(arguments: TestDatabases.engines)
    func aMessageTheServerTookIsSentEvenIfQuitIsNeverAnswered(_ engine: DatabaseEngine) async throws {
        try await LocalServers.withSMTPServer { server in
            try await TestDatabases.withFreshStore(engine) { store in
                let (_, id) = try await Self.queue(store, channel: "email", recipient: "hang-at-quit@example.com")
                let counts = try await OutboxWorker(store: store, transports: [Self.mailer(server, timeout: .seconds(2))]).drainOnce(now: Self.now)
                #expect(counts.sent == 1 && counts.retrying == 0 && counts.failed == 0)
                #expect(try await Outbox(store: store).message(id)?.status == .sent)
                #expect(try server.received().count == 1)
            }
        }
    }

    @Test(arguments: TestDatabases.engines)
    func aSilentServerOrNoServerIsATransientFailure(_ engine: DatabaseEngine) async throws {
        try await LocalServers.withSMTPServer { server in
            try await TestDatabases.withFreshStore(engine) { store in
                let (_, hung) = try await Self.queue(store, channel: "email", recipient: "fail-hang@example.com")
                let started = ContinuousClock.now
                // Three seconds, not one: on a loaded machine a one-second wait once ran out before the server had answered EHLO.
                let counts = try await OutboxWorker(store: store, transports: [Self.mailer(server, timeout: .seconds(3))]).drainOnce(now: Self.now)
                #expect(counts.retrying == 1)
                // Not a speed check: a silent server would hold the worker for ever, so any return in a minute proves the time-out ended it.
                #expect(ContinuousClock.now - started < .seconds(60), "the time-out, not the server, ends the wait")
                #expect(try await Outbox(store: store).message(hung)?.lastError == "smtp: timed out at RCPT TO")
            }
        }
        try await TestDatabases.withFreshStore(engine) { store in
            let (_, id) = try await Self.queue(store, channel: "email", recipient: "amara@example.com")
            // a port nothing listens on: the one a stopped server had
            let closedPort = try await LocalServers.withSMTPServer { $0.port }
            let mailer = SMTPMailer(configuration: SMTPConfiguration(host: "127.0.0.1", port: closedPort, from: Self.from))
            #expect(try await OutboxWorker(store: store, transports: [mailer]).drainOnce(now: Self.now).retrying == 1)
            #expect(try await Outbox(store: store).message(id)?.lastError == "smtp: connection failed at connect")
        }
    }

    @Test(arguments: TestDatabases.engines)
    func aServerSilentAfterTakingTheWholeMessageLeavesItUncertainNotRetried(_ engine: DatabaseEngine) async throws {
        try await LocalServers.withSMTPServer { server in
            try await TestDatabases.withFreshStore(engine) { store in
                let (person, id) = try await Self.queue(store, channel: "email", recipient: "hang-after-data@example.com")
                // Long enough for a busy machine's local server to read the message before the client gives up
                // and closes (a close with the message unread loses it, and the count below with it).
                let worker = OutboxWorker(store: store, transports: [Self.mailer(server, timeout: .seconds(4))])
                let counts = try await worker.drainOnce(now: Self.now)
                #expect(counts.uncertain == 1 && counts.retrying == 0 && counts.sent == 0)
                let message = try #require(try await Outbox(store: store).message(id))
                #expect(message.status == .uncertain)
                #expect(message.lastError == "smtp: timed out after the message was handed over")
                #expect(try server.received().count == 1, "the server did take it: sending again would be a second e-mail")
                #expect(try await worker.drainOnce(now: Self.now.addingTimeInterval(86_400)) == OutboxWorker.Counts())
                #expect(try await Self.outcomes(store, person: person).isEmpty)
            }
        }
    }

    @Test(arguments: TestDatabases.engines)
    func anEmailWhoseWorkerDiedMidSendIsHeldNotSentAgain(_ engine: DatabaseEngine) async throws {
        try await LocalServers.withSMTPServer { server in
            try await TestDatabases.withFreshStore(engine) { store in
                let (_, id) = try await Self.queue(store, channel: "email", recipient: "amara@example.com")
                let claimed = try await Outbox(store: store).claimNext(worker: "dies", now: Self.now, lease: 60)
                #expect(claimed?.id == id)
                let worker = OutboxWorker(store: store, transports: [Self.mailer(server)], lease: 60)
                #expect(try await worker.drainOnce(now: Self.now.addingTimeInterval(30)) == OutboxWorker.Counts(), "the lease still holds")
                let counts = try await worker.drainOnce(now: Self.now.addingTimeInterval(61))
                #expect(counts.heldUncertain == 1 && counts.sent == 0)
                #expect(try await Outbox(store: store).message(id)?.status == .uncertain)
                #expect(try server.received().isEmpty, "not sent again: a person decides")
            }
        }
    }

    // MARK: SMS

    @Test(arguments: TestDatabases.engines)
    func textsGoThroughTheGatewayAndItsRefusalsAreSorted(_ engine: DatabaseEngine) async throws {
        try await LocalServers.withSMSGateway(token: "gw-token") { gateway in
            try await TestDatabases.withFreshStore(engine) { store in
                let (person, ok) = try await Self.queue(store, channel: "sms", recipient: "07700900123", body: "Hi Amara")
                let (_, invalid) = try await Self.queue(store, channel: "sms", recipient: "07000000123")
                let (_, busy) = try await Self.queue(store, channel: "sms", recipient: "07555555123")
                let client = SMSGatewayClient(configuration: SMSGatewayConfiguration(url: gateway.url, token: "gw-token", callbackURL: nil))
                let counts = try await OutboxWorker(store: store, transports: [client]).drainOnce(now: Self.now)
                #expect(counts.sent == 1 && counts.failed == 1 && counts.retrying == 1)
                let outbox = Outbox(store: store)
                let sent = try #require(try await outbox.message(ok))
                #expect(sent.status == .sent && sent.providerReference == "gw-1")
                #expect(try await outbox.message(invalid)?.status == .failed)
                #expect(try await outbox.message(invalid)?.lastError == "gateway 400")
                #expect(try await outbox.message(busy)?.status == .queued)
                #expect(try await outbox.message(busy)?.lastError == "gateway 503")
                let messages = try await gateway.messages()
                #expect(messages.map(\.to) == ["07700900123"])
                #expect(messages.first?.body == "Hi Amara" && messages.first?.idempotency_key == sent.idempotencyKey)
                #expect(try await Self.outcomes(store, person: person) == ["sms outbound sent"])

                let wrongToken = SMSGatewayClient(configuration: SMSGatewayConfiguration(url: gateway.url, token: "nope", callbackURL: nil))
                await #expect(throws: SendFailure.permanent("gateway 401")) { try await wrongToken.send(sent, subject: nil, body: "x") }
            }
        }
    }

    @Test(arguments: TestDatabases.engines)
    func aTextWhoseWorkerDiedMidSendGoesAgainWithTheSameKeyAndArrivesOnce(_ engine: DatabaseEngine) async throws {
        try await LocalServers.withSMSGateway(token: "gw-token") { gateway in
            try await TestDatabases.withFreshStore(engine) { store in
                let (person, id) = try await Self.queue(store, channel: "sms", recipient: "07700900123")
                let client = SMSGatewayClient(configuration: SMSGatewayConfiguration(url: gateway.url, token: "gw-token", callbackURL: nil))
                // the first worker claims the text and hands it to the gateway, then dies before recording that it did
                let claimed = try #require(try await Outbox(store: store).claimNext(worker: "dies", now: Self.now, lease: 60))
                #expect(try await client.send(claimed, subject: nil, body: claimed.body) == "gw-1")

                let restarted = OutboxWorker(store: store, transports: [client], lease: 60)
                #expect(try await restarted.drainOnce(now: Self.now.addingTimeInterval(59)) == OutboxWorker.Counts())
                let counts = try await restarted.drainOnce(now: Self.now.addingTimeInterval(61))
                #expect(counts.requeued == 1 && counts.sent == 1)
                let message = try #require(try await Outbox(store: store).message(id))
                #expect(message.status == .sent && message.attempts == 2 && message.providerReference == "gw-1")
                let messages = try await gateway.messages()
                #expect(messages.count == 1)
                #expect(messages.first?.idempotency_key == claimed.idempotencyKey)
                #expect(messages.first?.requests == 2, "posted twice")
                #expect(messages.first?.deliveries == 1, "delivered once")
                #expect(try await Self.outcomes(store, person: person) == ["sms outbound sent"])
            }
        }
    }

    @Test(arguments: TestDatabases.engines)
    func channelsWithoutATransportStayQueued(_ engine: DatabaseEngine) async throws {
        try await TestDatabases.withFreshStore(engine) { store in
            let (_, id) = try await Self.queue(store, channel: "sms", recipient: "07700900123")
            let worker = OutboxWorker(store: store, transports: SendingConfiguration().transports())
            #expect(try await worker.drainOnce(now: Self.now) == OutboxWorker.Counts())
            let message = try #require(try await Outbox(store: store).message(id))
            #expect(message.status == .queued && message.attempts == 0)
        }
    }

    // MARK: configuration

    @Test func sendingIsConfiguredFromTheEnvironment() throws {
        #expect(try SendingConfiguration.fromEnvironment([:]).isEmpty)
        let full = try SendingConfiguration.fromEnvironment([
            "WAYMARK_SMTP_HOST": "mail.northmere.example", "WAYMARK_SMTP_PORT": "587", "WAYMARK_SMTP_FROM": "waymark@northmere.example",
            "WAYMARK_SMTP_USER": "relay", "WAYMARK_SMTP_PASSWORD": "pw",
            "WAYMARK_SMS_GATEWAY_URL": "https://sms.example/messages", "WAYMARK_SMS_GATEWAY_TOKEN": "tok",
            "WAYMARK_PUBLIC_URL": "https://waymark.northmere.example",
        ])
        #expect(full.smtp?.host == "mail.northmere.example" && full.smtp?.port == 587 && full.smtp?.credentials == SMTPCredentials(user: "relay", password: "pw"))
        #expect(full.sms?.callbackURL?.absoluteString == "https://waymark.northmere.example/webhooks/sms/delivery")
        #expect(full.smsWebhookToken == "tok")
        #expect(full.transports().map(\.channel) == ["email", "sms"])
        #expect(full.transports().map(\.canResendSafely) == [false, true])
        #expect(try SendingConfiguration.fromEnvironment(["WAYMARK_SMTP_HOST": "h", "WAYMARK_SMTP_FROM": "a@b"]).smtp?.port == 25)
        #expect(throws: SendingConfigurationError.self) { try SendingConfiguration.fromEnvironment(["WAYMARK_SMTP_HOST": "h"]) }
        #expect(throws: SendingConfigurationError.self) {
            try SendingConfiguration.fromEnvironment(["WAYMARK_SMTP_HOST": "h", "WAYMARK_SMTP_FROM": "a@b", "WAYMARK_SMTP_PORT": "lots"])
        }
        #expect(throws: SendingConfigurationError.self) {
            try SendingConfiguration.fromEnvironment(["WAYMARK_SMTP_HOST": "h", "WAYMARK_SMTP_FROM": "a@b", "WAYMARK_SMTP_USER": "u"])
        }
        #expect(throws: SendingConfigurationError.self) { try SendingConfiguration.fromEnvironment(["WAYMARK_SMS_GATEWAY_URL": "https://x/"]) }
        #expect(throws: SendingConfigurationError.self) {
            try SendingConfiguration.fromEnvironment(["WAYMARK_SMS_GATEWAY_URL": "ftp://x/", "WAYMARK_SMS_GATEWAY_TOKEN": "t"])
        }
    }

    @Test func anAddressThatCouldSmuggleACommandIsRefusedBeforeConnecting() async throws {
        let mailer = SMTPMailer(configuration: SMTPConfiguration(host: "127.0.0.1", port: 9, from: Self.from))
        for bad in ["amara@example.com>\r\nRCPT TO:<x@y.z", "no-at-sign", "a b@example.com", "@example.com"] {
            let message = OutboxMessage(id: 1, personID: 1, campaignID: nil, channel: "email", recipient: bad, subject: nil, body: "x",
                                        idempotencyKey: "k", status: .sending, attempts: 1, providerReference: nil, lastError: nil)
            await #expect(throws: SendFailure.permanent("smtp: recipient is not an e-mail address")) {
                try await mailer.send(message, subject: nil, body: "x")
            }
        }
    }
}
