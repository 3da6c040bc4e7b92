import Foundation
import SQLKit
import Testing
@testable import WaymarkApp
import WaymarkCore
import WaymarkRecords
import WaymarkStore
import WaymarkTestSupport
import ZIPFoundation

/// The subject access pack holds each kind of item with its provenance, the
/// consent history and who viewed the record, as JSON and HTML in a ZIP; it
/// is for data managers only and producing it is audited. Both engines.
@Suite struct SubjectAccessDeskTests {
    static let now = ConsentFixture.now

    static func unzip(_ data: Data) throws -> [String: Data] {
        let archive = try Archive(data: data, accessMode: .read)
        var files: [String: Data] = [:]
        for entry in archive {
            var bytes = Data()
            _ = try archive.extract(entry) { bytes.append($0) }
            files[entry.path] = bytes
        }
        return files
    }

    @Test(arguments: TestDatabases.engines)
    func thePackHoldsEveryKindOfItemAndWhoViewedTheRecordAndIsAudited(_ engine: DatabaseEngine) async throws {
        try await ConsentFixture.run(engine) { fixture in
            let store = fixture.store
            let person = fixture.person
            let adviser = try fixture.grant(.personalAdviser)
            let started = try CalendarDate(iso: "2026-09-01")
            try await store.change(by: .user(adviser.user.id), at: Self.now) { tx in
                _ = try await tx.addAddress(AddressRecord(lines: ["1 Mill Lane"], town: "Northmere", county: nil, postcode: "NM3 4QT", ward: nil, validFrom: started), for: person)
                _ = try await tx.addContactDetail(ContactDetailRecord(kind: .mobile, value: "07700900123", validFrom: started), for: person)
                _ = try await tx.recordActivity(ActivityRecord(code: .furtherEducation, startDate: started, dateAscertained: started.adding(days: 3), predictedEndDate: started.adding(years: 2)), for: person)
                _ = try await tx.recordContact(NewContact(occurredAt: Self.now, method: .phone, direction: .outbound, outcome: "spoke", summary: "Talked about college"), for: person)
                _ = try await tx.addNote("Prefers texts to calls", sensitive: false, for: person)
                _ = try await tx.addPersonContact(
                    PersonContactDetails(name: "Grace Okafor", relationship: .parent, phone: "07700 900456", hasParentalResponsibility: true), for: person,
                    from: started)
                try await tx.correctIdentity(
                    of: person, IdentityCorrection(givenName: nil, familyName: nil, dateOfBirth: try CalendarDate(iso: "2009-05-14"), reason: .wrongDateOfBirth,
                                                   explanation: nil))
                _ = try await tx.recordSchoolFact(SchoolFact(kind: .attendance, date: started, value: 88.5), for: person, organisationID: fixture.school)
                _ = try await tx.changeRiskList(.add, for: person, school: fixture.school, reason: "Quiet in lessons since September")
            }
            _ = try await RiskRefresh(store: store, laCode: DemoAuthority.code).run(on: started)
            let consent = AppServices(store: store, registry: DemoAuthority.registry, laCode: try DemoAuthority.laCode).consent
            let provision = try await consent.record(fixture.deny(.currentActivity, recipient: .organisation(fixture.school)), for: adviser, person: person, at: Self.now)
            try await consent.withdraw(provision, for: adviser, person: person, at: Self.now + 60)
            let manager = try fixture.grant(.dataManager)
            _ = try await SharingDesk(store: store).override(
                for: manager, person: person, flowKey: DataFlowDefaults.Key.schoolPortal, recipientID: fixture.school, classes: [.currentActivity],
                reason: "The school must know she is safe at college before the review meeting tomorrow", at: Self.now + 120)
            let records = PersonRecordDesk(store: store, registry: DemoAuthority.registry, classifier: ParticipationClassifier(), now: { Self.now })
            _ = try await records.open(person, for: try fixture.grant(.careersLeader))

            let services = AppServices(store: store, registry: DemoAuthority.registry, laCode: try DemoAuthority.laCode)
            let preview = try await services.subjectAccess.preview(for: manager, person: person, at: Self.now + 180)
            #expect(preview.name == "Amara Okafor")
            #expect(preview.views >= 1)
            let file = try await services.subjectAccess.produce(for: manager, person: person, at: Self.now + 240)
            #expect(file.fileName == "subject-access-\(person).zip")
            let files = try Self.unzip(file.data)
            let json = try #require(files["subject-access-\(person).json"])
            let html = String(decoding: try #require(files["subject-access-\(person).html"]), as: UTF8.self)

            let pack = try #require(try JSONSerialization.jsonObject(with: json) as? [String: Any])
            let sections = try #require(pack["sections"] as? [[String: Any]])
            func rows(_ key: String) -> [[String: Any]] {
                (sections.first { $0["key"] as? String == key }?["rows"] as? [[String: Any]]) ?? []
            }
            for key in [
                "address", "contact_detail", "activity", "contact", "note", "characteristic", "consent_provision", "share_override", "enrolment",
                "person_contact", "identity_correction", "school_fact", "risk_list_change", "risk_score",
            ] {
                #expect(!rows(key).isEmpty, "the pack holds \(key)")
            }
            let address = try #require(rows("address").first?["values"] as? [String: Any])
            #expect(address["postcode"] as? String == "NM3 4QT")
            #expect((address["recorded_by"] as? NSNumber)?.int64Value == adviser.user.id, "ids are numbers in the JSON, on both engines")
            #expect(address["source"] as? String == "user", "each fact carries its provenance")
            let meanings = try #require(rows("address").first?["meanings"] as? [String: String])
            #expect(meanings["recorded_by"] == "Personal adviser user (Personal adviser)")
            let withdrawn = try #require(rows("consent_provision").first?["values"] as? [String: Any])
            #expect(withdrawn["withdrawn_at"] is String, "a withdrawn choice is in the pack, withdrawal and all")
            let history = try #require(pack["history"] as? [[String: Any]])
            #expect(history.contains { $0["action"] as? String == "view" && $0["who"] as? String == "Careers leader user" }, "who viewed the record")
            #expect(history.contains { $0["entity"] as? String == "consent_provision" })

            #expect(html.contains("Information held about Amara Okafor"))
            #expect(html.contains("Prefers texts to calls") && html.contains("Talked about college"))
            #expect(html.contains("Grace Okafor") && (html.contains("2009-05-14") || html.contains("14 May 2009")), "their parent and the corrected date of birth")
            #expect(html.contains("Who has looked at your record") && html.contains("Careers leader user (Careers leader)"))
            #expect(!html.contains("<script"), "self-contained and inert")

            let exports = try await fixture.base.auditEvents(about: person, action: .export)
            #expect(exports.count == 1)
            #expect(exports.first?.detail?.contains("subject access pack") == true && exports.first?.actor == "user:\(manager.user.id)")
            #expect(try await fixture.base.auditEvents(about: person, action: .view).contains { $0.detail?.contains("subject access page") == true })
        }
    }

    @Test func thePackHasASectionForEveryTableKeyedByAYoungPerson() {
        let sections = SubjectAccessPack.sectionTitles.map(\.key)
        #expect(Set(PersonTables.all.map(\.name)).subtracting(sections).isEmpty)
        #expect(Set(sections).count == sections.count, "each table once")
    }

    @Test(arguments: TestDatabases.engines)
    func onlyDataManagersProducePacksAndOnlyOfTheirOwnLA(_ engine: DatabaseEngine) async throws {
        try await ConsentFixture.run(engine) { fixture in
            let services = AppServices(store: fixture.store, registry: DemoAuthority.registry, laCode: try DemoAuthority.laCode)
            for role in Role.allCases where role != .dataManager {
                await #expect(throws: AccessDenied.self, "\(role)") {
                    _ = try await services.subjectAccess.produce(for: try fixture.grant(role), person: fixture.person, at: Self.now)
                }
            }
            await #expect(throws: Refusal.self) {
                _ = try await services.subjectAccess.produce(for: try fixture.grant(.dataManager), person: fixture.base.otherLA, at: Self.now)
            }
            #expect(try await fixture.base.auditEvents(about: fixture.person, action: .export).isEmpty, "nothing refused was audited as produced")
        }
    }
}
