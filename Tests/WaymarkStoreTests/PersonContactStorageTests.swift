import Foundation
import SQLKit
import Testing
import WaymarkCore
import WaymarkRecords
import WaymarkStore
import WaymarkTestSupport

/// Parents, carers and professionals, and name and date-of-birth corrections,
/// as the store keeps them on both engines.
struct PersonContactStorageTests {
    static let mother = PersonContactDetails(
        name: "Grace Okafor", relationship: .parent, phone: "07700 900123", email: "grace@example.com", address: "4 Quay Street, NM3 4QT",
        livesWithYoungPerson: true, hasParentalResponsibility: true, youngPersonAgreesToContact: true, notes: "Works nights: call after 2pm")
    static let worker = PersonContactDetails(name: "Sam Reid", relationship: .youthJusticeWorker, organisation: "Northmere YJS", phone: "01632 960001")

    @Test(arguments: TestDatabases.engines)
    func contactsAreAddedChangedAndEndedNeverDeleted(engine: DatabaseEngine) async throws {
        try await TestDatabases.withFreshStore(engine) { store in
            let person = try await store.change(by: .system("test"), at: fixedNow) { tx in try await tx.createPerson(StoreFixtures.person()) }
            let (mother, worker) = try await store.change(by: .system("test"), at: fixedNow) { tx in
                (try await tx.addPersonContact(Self.mother, for: person, from: d("2026-11-18")),
                 try await tx.addPersonContact(Self.worker, for: person, from: d("2026-11-18")))
            }
            var moved = Self.mother
            moved.livesWithYoungPerson = false
            moved.address = nil
            let changed = moved
            try await store.change(by: .system("test"), at: fixedNow.addingTimeInterval(3600)) { tx in
                try await tx.updatePersonContact(mother, of: person, to: changed)
                try await tx.endPersonContact(worker, of: person, on: d("2026-11-19"))
            }
            // A second end is a no-op: the day it ended is kept.
            try await store.change(by: .system("test"), at: fixedNow.addingTimeInterval(7200)) { tx in
                try await tx.endPersonContact(worker, of: person, on: d("2026-11-20"))
            }

            let stored = try await PersonContactQueries(store: store).contacts(of: person)
            #expect(stored.map(\.id) == [mother, worker], "current first, then ended")
            #expect(stored[0].details == moved && stored[0].isCurrent && stored[0].startedOn == d("2026-11-18"))
            #expect(stored[1].details == Self.worker && stored[1].endedOn == d("2026-11-19"))
            #expect(stored[1].source == "test" && stored[1].recordedAt == "2026-11-18T11:06:40Z")
            let details = try await store.sql.select().column("detail").from("audit_event").where("entity", .equal, "person_contact").orderBy("id")
                .all(decodingColumn: "detail", as: String.self)
            #expect(details == ["relationship=parent", "relationship=youth-justice-worker", "relationship=parent", "ended", "ended"])
            #expect(!details.joined().contains("Okafor") && !details.joined().contains("Reid"), "the audit carries no names")
        }
    }

    @Test(arguments: TestDatabases.engines)
    func aCorrectionKeepsTheOldValueNewValueAndReason(engine: DatabaseEngine) async throws {
        try await TestDatabases.withFreshStore(engine) { store in
            let person = try await store.change(by: .system("test"), at: fixedNow) { tx in
                try await tx.createPerson(StoreFixtures.person("Amra", family: "Okafor", born: "2010-03-14"))
            }
            let fields = try await store.change(by: .system("test"), at: fixedNow) { tx in
                try await tx.correctIdentity(
                    of: person,
                    IdentityCorrection(givenName: "Amara", familyName: "Okafor", dateOfBirth: d("2010-04-14"), reason: .spellingMistake, explanation: nil))
            }
            #expect(fields == [.givenName, .dateOfBirth], "the unchanged family name is not a correction")
            let row = try #require(try await store.sql.select().columns("given_name", "date_of_birth").from("young_person").where("id", .equal, person).first())
            #expect(try row.decode(column: "given_name", as: String.self) == "Amara" && row.decode(column: "date_of_birth", as: String.self) == "2010-04-14")
            let history = try await PersonContactQueries(store: store).corrections(of: person)
            #expect(history.map(\.field) == [.dateOfBirth, .givenName], "newest first")
            #expect(history.map(\.oldValue) == ["2010-03-14", "Amra"] && history.map(\.newValue) == ["2010-04-14", "Amara"])
            #expect(history.allSatisfy { $0.reason == .spellingMistake && $0.recordedAt == "2026-11-18T11:06:40Z" })
            let audit = try await store.sql.select().column("detail").from("audit_event").where("person_id", .equal, person).orderBy("id")
                .all(decodingColumn: "detail", as: String.self)
            #expect(audit.suffix(3) == [
                "field=given-name; reason=spelling-mistake", "field=date-of-birth; reason=spelling-mistake", "corrected=given-name,date-of-birth",
            ])

            await #expect(throws: CorrectionError.nothingChanged) {
                try await store.change(by: .system("test"), at: fixedNow) { tx in
                    try await tx.correctIdentity(
                        of: person, IdentityCorrection(givenName: "Amara", familyName: nil, dateOfBirth: nil, reason: .other, explanation: "checked"))
                }
            }
            await #expect(throws: CorrectionError.self) {
                try await store.change(by: .system("test"), at: fixedNow) { tx in
                    try await tx.correctIdentity(
                        of: person, IdentityCorrection(givenName: "Am4ra", familyName: nil, dateOfBirth: nil, reason: .spellingMistake, explanation: nil))
                }
            }
            #expect(try await PersonContactQueries(store: store).corrections(of: person).count == 2, "a refused correction keeps nothing")
        }
    }

    @Test(arguments: TestDatabases.engines)
    func aLegalChangeOfNameKeepsTheOldNameForSearch(engine: DatabaseEngine) async throws {
        try await TestDatabases.withFreshStore(engine) { store in
            let person = try await store.change(by: .system("test"), at: fixedNow) { tx in try await tx.createPerson(StoreFixtures.person()) }
            try await store.change(by: .system("test"), at: fixedNow) { tx in
                try await tx.correctIdentity(
                    of: person,
                    IdentityCorrection(givenName: nil, familyName: "Mensah", dateOfBirth: nil, reason: .legalChangeOfName, explanation: "deed poll seen"))
            }
            let alias = try #require(try await store.sql.select().columns("family_name", "kind").from("person_alias").where("person_id", .equal, person).first())
            #expect(try alias.decode(column: "family_name", as: String.self) == "Okafor" && alias.decode(column: "kind", as: String.self) == "former")
            let history = try await PersonContactQueries(store: store).corrections(of: person)
            #expect(history.map(\.explanation) == ["deed poll seen"] && history.map(\.newValue) == ["Mensah"])
        }
    }
}
