import Foundation
import Testing
import WaymarkApp
import WaymarkCore
import WaymarkRecords
import WaymarkStore
import WaymarkTestSupport

/// A worker stopped in the middle of a campaign's batch, against the real
/// local SMS gateway and SMTP server, on both engines. The first worker is
/// held on a gate right after the server took its fourth message and before
/// it could record that (as if killed there); a fresh worker on the same
/// database then finishes the batch. The real process kill, with the
/// `waymark` executable, is in ``FaultDrillTests``.
@Suite struct SendKillTests {
    static let now = FaultFixtures.now
    static let lease: TimeInterval = 60

    @Test(arguments: TestDatabases.engines)
    func aTextCampaignStoppedMidBatchIsFinishedByAFreshWorkerAndNoTextArrivesTwice(_ engine: DatabaseEngine) async throws {
        try await LocalServers.withSMSGateway(token: "gw-token") { gateway in
            try await TestDatabases.withFreshStore(engine) { store in
                let campaign = try await FaultFixtures.sentCampaign(store, channel: .sms, count: 8)
                let client = SMSGatewayClient(configuration: SMSGatewayConfiguration(url: gateway.url, token: "gw-token", callbackURL: nil))
                let halting = HaltingTransport(client, passing: 3)
                let first = OutboxWorker(store: store, transports: [halting], name: "first", lease: Self.lease)
                let stopped = Task { try await first.drainOnce(now: Self.now) }
                await halting.gate.waitUntilHeld()

                // Where the stop left things: three recorded, the fourth with the gateway but not recorded, four waiting.
                #expect(try await gateway.messages().count == 4)
                #expect(try await FaultFixtures.statuses(store, campaign) == [.sent: 3, .sending: 1, .queued: 4])
                #expect(try await FaultFixtures.sentContacts(store, campaign) == [1, 1, 1, 0, 0, 0, 0, 0],
                        "only what the gateway took and the worker recorded is a contact")
                #expect(try await FaultFixtures.reportedAttempted(store, campaign) == 3, "the report does not count waiting messages as sent")
                let held = try #require(try await Outbox(store: store).message(campaign.messages[3]))
                #expect(held.status == .sending)

                let fresh = OutboxWorker(store: store, transports: [client], name: "fresh", lease: Self.lease)
                let early = try await fresh.drainOnce(now: Self.now.addingTimeInterval(Self.lease / 2))
                #expect(early.sent == 4 && early.requeued == 0, "the waiting four go; the claimed one is left while its lease runs")
                #expect(try await gateway.messages().first { $0.idempotency_key == held.idempotencyKey }?.requests == 1)
                let late = try await fresh.drainOnce(now: Self.now.addingTimeInterval(Self.lease + 1))
                #expect(late.requeued == 1 && late.sent == 1, "after the lease, the held text goes again with its key")

                let received = try await gateway.messages()
                #expect(received.count == 8)
                #expect(received.allSatisfy { $0.deliveries == 1 }, "every text reached its phone once")
                #expect(Set(received.map(\.to)) == Set(campaign.recipients))
                #expect(received.first { $0.idempotency_key == held.idempotencyKey }?.requests == 2, "posted twice, delivered once")
                #expect(try await FaultFixtures.statuses(store, campaign) == [.sent: 8])
                #expect(try await FaultFixtures.sentContacts(store, campaign) == Array(repeating: 1, count: 8))
                #expect(try await FaultFixtures.reportedAttempted(store, campaign) == 8)

                // The first worker was not dead after all: it wakes and cannot record what is no longer its own.
                await halting.gate.release()
                let woken = try await stopped.value
                #expect(woken.sent == 3 && woken.lost == 1)
                #expect(try await FaultFixtures.sentContacts(store, campaign) == Array(repeating: 1, count: 8))
                #expect(try await gateway.messages().allSatisfy { $0.deliveries == 1 })
            }
        }
    }

    @Test(arguments: TestDatabases.engines)
    func anEmailCampaignStoppedMidBatchSendsTheRestAndHoldsTheOneInDoubt(_ engine: DatabaseEngine) async throws {
        try await LocalServers.withSMTPServer { server in
            try await TestDatabases.withFreshStore(engine) { store in
                let campaign = try await FaultFixtures.sentCampaign(store, channel: .email, count: 8)
                let mailer = SMTPMailer(configuration: SMTPConfiguration(host: "127.0.0.1", port: server.port, from: "waymark@northmere.example",
                                                                         heloName: "waymark.test"))
                let halting = HaltingTransport(mailer, passing: 3)
                let first = OutboxWorker(store: store, transports: [halting], name: "first", lease: Self.lease)
                let stopped = Task { try await first.drainOnce(now: Self.now) }
                await halting.gate.waitUntilHeld()

                #expect(try server.received().count == 4)
                #expect(try await FaultFixtures.statuses(store, campaign) == [.sent: 3, .sending: 1, .queued: 4])
                #expect(try await FaultFixtures.reportedAttempted(store, campaign) == 3)

                let fresh = OutboxWorker(store: store, transports: [mailer], name: "fresh", lease: Self.lease)
                #expect(try await fresh.drainOnce(now: Self.now.addingTimeInterval(Self.lease / 2)).sent == 4)
                let late = try await fresh.drainOnce(now: Self.now.addingTimeInterval(Self.lease + 1))
                #expect(late.heldUncertain == 1 && late.sent == 0, "SMTP cannot refuse a repeat, so the one in doubt is not sent again")

                let addresses = try server.received().flatMap(\.rcpt_to)
                #expect(addresses.count == 8, "eight e-mails for eight people: none twice")
                #expect(Set(addresses) == Set(campaign.recipients.map { "<\($0)>" }))
                #expect(try await FaultFixtures.statuses(store, campaign) == [.sent: 7, .uncertain: 1])
                #expect(try await Outbox(store: store).message(campaign.messages[3])?.status == .uncertain, "a person decides about the fourth")
                #expect(try await FaultFixtures.sentContacts(store, campaign) == [1, 1, 1, 0, 1, 1, 1, 1])
                #expect(try await FaultFixtures.reportedAttempted(store, campaign) == 7, "the one in doubt is not reported as sent")

                await halting.gate.release()
                let woken = try await stopped.value
                #expect(woken.sent == 3 && woken.lost == 1)
                #expect(try await FaultFixtures.statuses(store, campaign) == [.sent: 7, .uncertain: 1])
                #expect(try server.received().count == 8)
            }
        }
    }
}
