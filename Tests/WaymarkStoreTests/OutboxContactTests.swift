import Foundation
import SQLKit
import Testing
import WaymarkCore
import WaymarkRecords
import WaymarkStore
import WaymarkTestSupport

/// Every attempt the outbox finishes is a contact on the person's record, a
/// reply is matched to the person last texted on that number, and a campaign
/// can list where each of its messages got to. Both engines.
@Suite struct OutboxContactTests {
    struct Contact: Equatable {
        let method: String
        let direction: String
        let outcome: String
        let summary: String?
    }

    static func contacts(_ store: Store, person: Int64) async throws -> [Contact] {
        try await store.sql.select().columns("method", "direction", "outcome", "summary").from("contact")
            .where("person_id", .equal, person).orderBy("id").all()
            .map { Contact(method: try $0.decode(column: "method", as: String.self), direction: try $0.decode(column: "direction", as: String.self),
                           outcome: try $0.decode(column: "outcome", as: String.self), summary: try $0.decode(column: "summary", as: String?.self)) }
    }

    static func campaign(_ store: Store) async throws -> Int64 {
        try await store.sql.raw("""
            INSERT INTO campaign (name, channel, audience, subject, body, status, source, recorded_at)
            VALUES ('Autumn check', 'sms', 'not-known', NULL, 'Hello', 'sent', 'test', \(bind: Timestamp.format(fixedNow))) RETURNING id
            """).first()!.decode(column: "id", as: Int64.self)
    }

    static func queue(_ store: Store, _ messages: [(channel: String, recipient: String)], campaign: Int64? = nil,
                      person: Int64? = nil) async throws -> (person: Int64, messages: [Int64]) {
        try await store.change(by: .system("test"), at: fixedNow) { tx in
            let personID: Int64
            if let person { personID = person } else { personID = try await tx.createPerson(StoreFixtures.person()) }
            var ids: [Int64] = []
            for message in messages {
                ids.append(try await tx.enqueue(NewOutboxMessage(campaignID: campaign, channel: message.channel, recipient: message.recipient,
                                                                 subject: nil, body: "Hello", notBefore: fixedNow), for: personID))
            }
            return (personID, ids)
        }
    }

    @Test(arguments: TestDatabases.engines)
    func sentAndFailedForGoodAreContactsOnTheRecordButRetriesAreNot(_ engine: DatabaseEngine) async throws {
        try await TestDatabases.withFreshStore(engine) { store in
            let campaign = try await Self.campaign(store)
            let (person, ids) = try await Self.queue(store, [("sms", "07700900123"), ("email", "amara@example.com"), ("sms", "07700900124")],
                                                     campaign: campaign)
            let outbox = Outbox(store: store)
            let policy = RetryPolicy()
            _ = try await outbox.claimNext(worker: "w", now: fixedNow, lease: 60)
            try await outbox.markSent(ids[0], worker: "w", providerReference: "gw-1", now: fixedNow)
            let email = try #require(try await outbox.claimNext(worker: "w", now: fixedNow, lease: 60))
            try await outbox.markFailed(email.id, worker: "w", reason: "smtp 451 at RCPT TO", permanent: false, attempts: 1, policy: policy, now: fixedNow)
            #expect(try await Self.contacts(store, person: person).count == 1, "a retry is not a contact")
            let third = try #require(try await outbox.claimNext(worker: "w", now: fixedNow, lease: 60))
            try await outbox.markFailed(third.id, worker: "w", reason: "gateway 400", permanent: true, attempts: 1, policy: policy, now: fixedNow)
            #expect(try await Self.contacts(store, person: person) == [
                Contact(method: "sms", direction: "outbound", outcome: "sent", summary: "campaign \(campaign)"),
                Contact(method: "sms", direction: "outbound", outcome: "could not be sent", summary: "campaign \(campaign)"),
            ])
            #expect(try await outbox.recordDeliveryReport(providerReference: "gw-1", delivered: false, detail: "handset off", now: fixedNow) == ids[0])
            #expect(try await outbox.recordDeliveryReport(providerReference: "gw-1", delivered: false, detail: "handset off", now: fixedNow) == ids[0])
            #expect(try await Self.contacts(store, person: person).last == Contact(method: "sms", direction: "outbound", outcome: "not delivered",
                                                                                  summary: "campaign \(campaign)"))
            #expect(try await Self.contacts(store, person: person).count == 3, "a repeated report is one contact")

            let report = try await outbox.campaignMessages(campaign)
            #expect(report.map(\.messageID) == ids)
            #expect(report.map(\.status) == [.failed, .queued, .failed])
            #expect(report.map(\.personID) == [person, person, person])
            #expect(report.map(\.channel) == ["sms", "email", "sms"])
            #expect(report[0].sentAt == fixedNow && report[1].sentAt == nil)
            #expect(try await outbox.campaignMessages(campaign + 1).isEmpty)
        }
    }

    @Test(arguments: TestDatabases.engines)
    func aReplyIsMatchedToThePersonLastTextedOnThatNumber(_ engine: DatabaseEngine) async throws {
        try await TestDatabases.withFreshStore(engine) { store in
            let outbox = Outbox(store: store)
            let (first, firstIDs) = try await Self.queue(store, [("sms", "07700 900123")])
            let (second, secondIDs) = try await Self.queue(store, [("sms", "07700900123"), ("sms", "07700900999")])
            for (index, id) in (firstIDs + secondIDs.prefix(1)).enumerated() {
                let message = try #require(try await outbox.claimNext(worker: "w", now: fixedNow.addingTimeInterval(Double(index)), lease: 60))
                #expect(message.id == id)
                try await outbox.markSent(id, worker: "w", providerReference: "gw-\(id)", now: fixedNow.addingTimeInterval(Double(index)))
            }
            let before = try await Self.contacts(store, person: second).count
            let long = String(repeating: "y", count: 1_500)
            #expect(try await outbox.recordInboundReply(from: "+44 7700 900123", text: long, providerReference: "in-1", now: fixedNow) == second,
                    "the most recent text to the number decides, whatever the spelling")
            let contacts = try await Self.contacts(store, person: second)
            #expect(contacts.count == before + 1)
            #expect(contacts.last == Contact(method: "sms", direction: "inbound", outcome: "replied", summary: String(repeating: "y", count: 1_000)))
            #expect(try await outbox.recordInboundReply(from: "+447700900123", text: long, providerReference: "in-1", now: fixedNow) == second)
            #expect(try await Self.contacts(store, person: second).count == before + 1, "the gateway posting the same reply twice is one contact")
            #expect(try await Self.contacts(store, person: first).count == 1, "only the sent contact on the earlier person")

            let audit = try await store.sql.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from("audit_event").first()!
                .decode(column: "n", as: Int.self)
            #expect(try await outbox.recordInboundReply(from: "07700900999", text: "hi", providerReference: nil, now: fixedNow) == nil,
                    "a number only queued to, never sent to, matches nobody")
            #expect(try await outbox.recordInboundReply(from: "07123456789", text: "hi", providerReference: nil, now: fixedNow) == nil)
            #expect(try await outbox.recordInboundReply(from: "not a number", text: "hi", providerReference: nil, now: fixedNow) == nil)
            let after = try await store.sql.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from("audit_event").first()!
                .decode(column: "n", as: Int.self)
            #expect(after == audit, "an unknown number stores nothing")
        }
    }

    @Test(arguments: TestDatabases.engines)
    func aWorkerClaimsOnlyTheChannelsItCanSend(_ engine: DatabaseEngine) async throws {
        try await TestDatabases.withFreshStore(engine) { store in
            let (_, ids) = try await Self.queue(store, [("email", "amara@example.com"), ("sms", "07700900123")])
            let outbox = Outbox(store: store)
            #expect(try await outbox.claimNext(worker: "w", now: fixedNow, lease: 60, channels: []) == nil)
            #expect(try await outbox.claimNext(worker: "w", now: fixedNow, lease: 60, channels: ["sms"])?.id == ids[1])
            #expect(try await outbox.claimNext(worker: "w", now: fixedNow, lease: 60, channels: ["sms"]) == nil)
            let email = try #require(try await outbox.claimNext(worker: "w", now: fixedNow, lease: 60, channels: ["email", "sms"]))
            try await outbox.markUncertain(email.id, worker: "w", reason: "smtp: timed out after the message was handed over", now: fixedNow)
            #expect(try await outbox.message(email.id)?.status == .uncertain)
        }
    }

    @Test(arguments: TestDatabases.engines)
    func aReplyAnswersItsCampaignAndStopOptsOutOfTexts(_ engine: DatabaseEngine) async throws {
        try await TestDatabases.withFreshStore(engine) { store in
            let outbox = Outbox(store: store)
            let campaign = try await Self.campaign(store)
            let (person, ids) = try await Self.queue(store, [("sms", "07700900123")], campaign: campaign)
            let member = try await store.change(by: .system("test"), at: fixedNow) { tx in
                try await tx.addCampaignMember(campaignID: campaign, personID: person, skipReason: nil, outboxMessageID: ids[0])
            }
            _ = try #require(try await outbox.claimNext(worker: "w", now: fixedNow, lease: 60))
            try await outbox.markSent(ids[0], worker: "w", providerReference: "gw-1", now: fixedNow)
            let today = try CalendarDate(iso: String(Timestamp.format(fixedNow).prefix(10)))
            #expect(try await PreferenceQueries(store: store).preferences(of: person, on: today).optedOut.isEmpty)
            #expect(try await outbox.recordInboundReply(from: "07700900123", text: "At college now thanks", providerReference: "in-1", now: fixedNow) == person)
            let responded = try await store.sql.select().column("responded_at").from("campaign_member").where("id", .equal, member).first()?
                .decode(column: "responded_at", as: String?.self)
            #expect(responded != nil, "a reply counts as an answer to the campaign")
            #expect(try await PreferenceQueries(store: store).preferences(of: person, on: today).optedOut.isEmpty, "an ordinary reply opts out of nothing")
            #expect(try await outbox.recordInboundReply(from: "07700900123", text: " Stop. ", providerReference: "in-2", now: fixedNow) == person)
            #expect(try await PreferenceQueries(store: store).preferences(of: person, on: today).optedOut == [.sms])
        }
    }
}
