import Foundation
import SQLKit
import Testing
import WaymarkApp
import WaymarkCore
import WaymarkFormats
import WaymarkRecords
import WaymarkStore
import WaymarkTestSupport

/// The whole exchange between two LAs on each engine: Northmere (990) sends
/// a young person's package to Kent (886); Kent accepts it (the consent
/// choices and lead professional come with it) and sends back a signed
/// acknowledgement; Northmere imports it and sees Kent's identifier for her.
@Suite(.serialized) struct TransferAcknowledgementTests {
    static let movedOn = try! CalendarDate(iso: "2026-11-20")

    /// A partner service and one of its workers, named lead professional of `person`.
    static func lead(_ la: TransferLA, person: Int64, kind: OrganisationKind, name: String, role: String) async throws {
        try await la.store.change(by: .system("test"), at: TransferLA.now) { tx in
            let service = try await tx.createOrganisation(NewOrganisation(kind: kind, name: "\(kind.rawValue.capitalized) of LA \(la.code.code)", laCode: la.code.code))
            let worker = try await tx.createUser(
                NewUser(organisationID: service, email: "lead@\(kind.rawValue.prefix(5)).example", displayName: name, role: .partnerWorker, passwordHash: "x"))
            _ = try await tx.openInvolvement(NewInvolvement(personID: person, organisationID: service, workerUserID: worker, workerRole: role, from: TransferLA.today))
            _ = try await tx.setLeadProfessional(personID: person, userID: worker, organisationID: service, from: TransferLA.today, agreed: "Team meeting")
        }
    }

    @Test(arguments: TestDatabases.engines)
    func aTransferGoesOutComesInIsAcceptedAndTheSignedAcknowledgementLinksItBack(_ engine: DatabaseEngine) async throws {
        try await TransferLA.pair(engine) { sender, receiver in
            // given: a young person with a lead professional in leaving care and two consent choices
            try await sender.trust(receiver)
            let person = try await sender.addPerson()
            try await Self.lead(sender, person: person, kind: .leavingCare, name: "Priya Shah", role: "personal adviser (leaving care)")
            try await sender.store.change(by: .system("test"), at: TransferLA.now) { tx in
                _ = try await tx.recordConsent(
                    ConsentProvision(decision: .permit, purpose: .referral, recipient: .kind(.health), dataClass: .sendAndHealth,
                                     from: try CalendarDate(iso: "2026-01-05"), givenBy: .youngPerson, method: .paper, recordedAt: TransferLA.now), for: person)
                _ = try await tx.recordConsent(
                    ConsentProvision(decision: .deny, purpose: nil, recipient: .anyone, dataClass: .mentalHealth,
                                     from: try CalendarDate(iso: "2026-02-01"), givenBy: .youngPerson, method: .verbal(worker: "An adviser"), recordedAt: TransferLA.now),
                    for: person)
            }
            // when: out, in, accepted
            let file = try await sender.desk.export(for: sender.manager, person: person, to: "886", movedOn: Self.movedOn, at: TransferLA.now)
            let receipt = try await receiver.desk.receive(for: receiver.manager, file: file.data, at: TransferLA.now)
            let view = try await receiver.desk.transferInView(for: receiver.manager, id: receipt.transferID, at: TransferLA.now)
            let accepted = try await receiver.desk.accept(for: receiver.manager, id: receipt.transferID, choice: .asMatched, at: TransferLA.now)
            // then: the lead professional came through the sharing decision and is shown to the receiver
            #expect(view.package.leadProfessional == TransferLeadProfessional(
                name: "Priya Shah", organisation: "Leaving Care Service of LA 990", role: "personal adviser (leaving care)", email: "lead@leavi.example"))
            // and the consent choices are now facts on the new record, saying where they came from
            let carried = try await ConsentQueries(store: receiver.store).standing(of: accepted.personID).sorted { $0.from < $1.from }
            #expect(carried.map(\.decision) == [.permit, .deny])
            #expect(carried.map(\.dataClass) == [.sendAndHealth, .mentalHealth])
            #expect(carried.map(\.recipient) == [.kind(.health), .anyone])
            #expect(carried.map(\.method) == [.transfer(fromLA: "990"), .transfer(fromLA: "990")])
            #expect(carried.first?.from.iso == "2026-01-05", "the day the young person chose, not the day of the transfer")
            let sources = try await receiver.store.sql.select().column("source").from("consent_provision").where("person_id", .equal, accepted.personID)
                .all(decodingColumn: "source", as: String.self)
            #expect(sources == ["transfer:la=990#\(receipt.transferID)", "transfer:la=990#\(receipt.transferID)"])
            // when: the receiver writes the acknowledgement and the sender imports it
            let answer = try await receiver.desk.acknowledgement(for: receiver.manager, id: receipt.transferID, at: TransferLA.now)
            let text = String(decoding: answer.data, as: UTF8.self)
            let payload = String(decoding: try TransferPackageReader.envelope(answer.data, registry: TransferLA.registry).payload, as: UTF8.self)
            #expect(!text.contains("Okafor") && !payload.contains("Okafor") && !payload.contains("Amara"), "ids only")
            let done = try await sender.desk.acknowledge(for: sender.manager, file: answer.data, at: TransferLA.now)
            // then: the sender sees the transfer accepted and Kent's identifier for her
            #expect(done.decision == "accepted" && done.personID == person && done.theirIdentifier == "886-\(accepted.personID)")
            let sent = try #require(try await TransferQueries(store: sender.store).transfersOut(of: person).first)
            #expect(sent.acknowledgement?.decision == "accepted" && sent.acknowledgement?.theirIdentifier == "886-\(accepted.personID)")
            #expect(sent.acknowledgement?.decidedOn == TransferLA.today.iso)
            // and the same answer twice is refused, changing nothing
            let twice = await #expect(throws: TransferRefused.self) { try await sender.desk.acknowledge(for: sender.manager, file: answer.data, at: TransferLA.now) }
            #expect(twice?.problems.first?.rule == "repeat")
            let again = try await receiver.desk.acknowledgement(for: receiver.manager, id: receipt.transferID, at: TransferLA.now)
            let second = await #expect(throws: TransferRefused.self) { try await sender.desk.acknowledge(for: sender.manager, file: again.data, at: TransferLA.now) }
            #expect(second?.problems.first?.rule == "repeat")
        }
    }

    @Test(arguments: TestDatabases.engines)
    func aTamperedUnknownOversizedOrStrayAcknowledgementIsRefusedWhole(_ engine: DatabaseEngine) async throws {
        try await TransferLA.pair(engine) { sender, receiver in
            // given: a package declined by the receiver, whose key the sender does not yet hold
            let person = try await sender.addPerson()
            let file = try await sender.desk.export(for: sender.manager, person: person, to: "886", movedOn: Self.movedOn, at: TransferLA.now)
            let receipt = try await receiver.desk.receive(for: receiver.manager, file: file.data, at: TransferLA.now)
            let waiting = await #expect(throws: Refusal.self) { try await receiver.desk.acknowledgement(for: receiver.manager, id: receipt.transferID, at: TransferLA.now) }
            #expect(waiting != nil, "nothing to acknowledge before a decision")
            try await receiver.desk.decline(for: receiver.manager, id: receipt.transferID, reason: "She never arrived here", at: TransferLA.now)
            let answer = try await receiver.desk.acknowledgement(for: receiver.manager, id: receipt.transferID, at: TransferLA.now)
            #expect(!String(decoding: try TransferPackageReader.envelope(answer.data, registry: TransferLA.registry).payload, as: UTF8.self).contains("arrived"), "the reason stays")
            // when / then: an unknown key
            let unknown = await #expect(throws: TransferRefused.self) { try await sender.desk.acknowledge(for: sender.manager, file: answer.data, at: TransferLA.now) }
            #expect(unknown?.problems.first?.rule == "keyring")
            try await sender.trust(receiver)
            // tampered: declined turned into accepted
            var envelope = try TransferPackageReader.envelope(answer.data, registry: TransferLA.registry)
            envelope.payload = Data(String(decoding: envelope.payload, as: UTF8.self).replacingOccurrences(of: "declined", with: "accepted").utf8)
            let tampered = await #expect(throws: TransferRefused.self) {
                try await sender.desk.acknowledge(for: sender.manager, file: TransferPackageWriter.envelope(envelope), at: TransferLA.now)
            }
            #expect(tampered?.problems.map(\.rule) == ["signature"])
            // oversized
            let huge = Data(count: TransferLimits.acknowledgement.maxFileBytes + 1)
            let tooBig = await #expect(throws: TransferRefused.self) { try await sender.desk.acknowledge(for: sender.manager, file: huge, at: TransferLA.now) }
            #expect(tooBig?.problems.first?.rule == "size")
            // a transfer package is not an acknowledgement
            let back = try await receiver.desk.export(for: receiver.manager, person: try await receiver.addPerson(given: "Zed"), to: "990", movedOn: Self.movedOn, at: TransferLA.now)
            let package = await #expect(throws: TransferRefused.self) { try await sender.desk.acknowledge(for: sender.manager, file: back.data, at: TransferLA.now) }
            #expect(package?.problems.first?.field == "format")
            #expect(try await TransferQueries(store: sender.store).transfersOut(of: person).first?.acknowledgement == nil, "nothing changed")
            // the real one marks the transfer declined, with no identifier
            let done = try await sender.desk.acknowledge(for: sender.manager, file: answer.data, at: TransferLA.now)
            #expect(done.decision == "declined" && done.theirIdentifier == nil)
            #expect(try await sender.desk.acknowledged(for: sender.manager).map(\.id) == [done.transferID])
        }
    }

    @Test(arguments: TestDatabases.engines)
    func aLeadInAServiceThatTellsASpecialCategoryGoesOnlyAsBrokeredContact(_ engine: DatabaseEngine) async throws {
        try await TransferLA.pair(engine) { sender, receiver in
            // given: the lead professional is the youth justice worker (offending is not carried by the transfer flow)
            let person = try await sender.addPerson()
            try await Self.lead(sender, person: person, kind: .youthJustice, name: "Dan Oakes", role: "youth justice officer")
            // when
            let file = try await sender.desk.export(for: sender.manager, person: person, to: "886", movedOn: Self.movedOn, at: TransferLA.now)
            let receipt = try await receiver.desk.receive(for: receiver.manager, file: file.data, at: TransferLA.now)
            let (_, package) = try await receiver.desk.waiting(for: receiver.manager, id: receipt.transferID, at: TransferLA.now)
            // then
            let lead = try #require(package.leadProfessional)
            #expect(lead.name.contains("brokered contact") && lead.email == nil)
            let payload = String(decoding: try TransferPackageReader.envelope(file.data, registry: TransferLA.registry).payload, as: UTF8.self)
            #expect(!payload.contains("Dan Oakes") && !payload.contains("Youth Justice"))
        }
    }
}
