import Foundation
import SQLKit
import Testing
import WaymarkCore
import WaymarkRecords
import WaymarkStore
import WaymarkTestSupport

/// An e-mail to a worker about a young person (a referral's news) goes
/// through the same outbox, but it is not a contact with the young person:
/// sending it records nothing on their record. Both engines.
@Suite struct OutboxStaffMessageTests {
    @Test(arguments: TestDatabases.engines)
    func aMessageToAWorkerIsSentWithoutAContactOnTheRecord(_ engine: DatabaseEngine) async throws {
        try await TestDatabases.withFreshStore(engine) { store in
            let (person, ids) = try await store.change(by: .system("test"), at: fixedNow) { tx in
                let org = try await tx.createOrganisation(NewOrganisation(kind: .localAuthority, name: "Northmere", laCode: "999"))
                let user = try await tx.createUser(NewUser(organisationID: org, email: "pa@northmere.example", displayName: "PA", role: .personalAdviser, passwordHash: "x"))
                let person = try await tx.createPerson(StoreFixtures.person())
                let toWorker = try await tx.enqueue(
                    NewOutboxMessage(campaignID: nil, channel: "email", recipient: "pa@northmere.example", subject: "Waymark: referral 1", body: "News",
                                     notBefore: fixedNow, staffUserID: user), for: person)
                let toPerson = try await tx.enqueue(
                    NewOutboxMessage(campaignID: nil, channel: "email", recipient: "amara@example.com", subject: nil, body: "Hello", notBefore: fixedNow),
                    for: person)
                return (person, [toWorker, toPerson])
            }
            let outbox = Outbox(store: store)
            for id in ids {
                let claimed = try #require(try await outbox.claimNext(worker: "w", now: fixedNow, lease: 60))
                #expect(claimed.id == id)
                try await outbox.markSent(id, worker: "w", providerReference: nil, now: fixedNow)
            }
            let contacts = try await store.sql.select().column("recipient").from("outbox_message").where("status", .equal, "sent").all()
            #expect(contacts.count == 2)
            let onRecord = try await store.sql.select().column("id").from("contact").where("person_id", .equal, person).all()
            #expect(onRecord.count == 1, "only the message to the young person is a contact")
        }
    }
}
