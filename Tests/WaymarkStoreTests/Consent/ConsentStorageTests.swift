import Foundation
import SQLKit
import Testing
import WaymarkCore
import WaymarkRecords
@testable import WaymarkStore
import WaymarkTestSupport

/// Consent provisions, the data-flow register and overrides as stored. Both engines.
@Suite struct ConsentStorageTests {
    struct Setting {
        let person: Int64
        let school: Int64
        let worker: Int64
    }

    static func run(_ engine: DatabaseEngine, _ body: (Store, Setting) async throws -> Void) async throws {
        try await TestDatabases.withFreshStore(engine) { store in
            let setting = try await store.change(by: .system("test"), at: fixedNow) { tx in
                let la = try await tx.createOrganisation(NewOrganisation(kind: .localAuthority, name: "Northmere", laCode: home.code))
                let school = try await tx.createOrganisation(NewOrganisation(kind: .school, name: "Millbrook Park School", laCode: home.code, establishmentNumber: "9904001"))
                let worker = try await tx.createUser(NewUser(organisationID: la, email: "pa@example.org", displayName: "Priya Adviser", role: .personalAdviser, passwordHash: "x"))
                let person = try await tx.createPerson(StoreFixtures.person())
                try await tx.recordEnrolment(.onRoll(of: school, kind: .schoolRoll, yearGroup: 11, reportedOn: d("2026-10-01")), for: person)
                return Setting(person: person, school: school, worker: worker)
            }
            try await body(store, setting)
        }
    }

    static func deny(school: Int64, dataClass: SensitivityClass? = .currentActivity) -> ConsentProvision {
        ConsentProvision(
            decision: .deny, purpose: .schoolSupport, recipient: .organisation(school), dataClass: dataClass, from: d("2026-11-01"),
            until: d("2027-08-31"), givenBy: .youngPerson, method: .verbal(worker: "Priya Adviser"), recordedAt: .distantPast)
    }

    @Test(arguments: TestDatabases.engines)
    func aProvisionIsStoredAsGivenWithWhoRecordedItAndAnAuditEventWithoutNames(_ engine: DatabaseEngine) async throws {
        try await Self.run(engine) { store, setting in
            let id = try await store.change(by: .user(setting.worker), at: fixedNow) { tx in
                try await tx.recordConsent(Self.deny(school: setting.school), for: setting.person)
            }
            let recorded = try await ConsentQueries(store: store).provisions(of: setting.person)
            var expected = Self.deny(school: setting.school)
            expected.id = id
            expected.recordedAt = fixedNow
            #expect(recorded == [RecordedConsent(provision: expected, recordedBy: "Priya Adviser", withdrawnBy: nil)])
            let kindOnly = ConsentProvision(
                decision: .permit, purpose: nil, recipient: .kind(.furtherEducationCollege), dataClass: nil, from: d("2026-11-01"),
                givenBy: .parent, method: .selfService, origin: .section72Objection, recordedAt: fixedNow)
            let second = try await store.change(by: .system("self-service"), at: fixedNow) { tx in try await tx.recordConsent(kindOnly, for: setting.person) }
            #expect(try await ConsentQueries(store: store).standing(of: setting.person).first { $0.id == second }?.recipient == .kind(.furtherEducationCollege))
            let detail = try await store.sql.select().column("detail").from("audit_event").where("entity", .equal, "consent_provision")
                .where("entity_id", .equal, id).first(decodingColumn: "detail", as: String.self)
            #expect(detail?.contains("decision=deny; purpose=school-support; recipient=organisation:\(setting.school); class=currentActivity") == true)
            #expect(detail?.contains("Priya") == false, "the worker's name stays out of the trail")
        }
    }

    @Test(arguments: TestDatabases.engines)
    func withdrawalKeepsTheRowStopsItStandingAndHappensOnce(_ engine: DatabaseEngine) async throws {
        try await Self.run(engine) { store, setting in
            let id = try await store.change(by: .user(setting.worker), at: fixedNow) { tx in
                try await tx.recordConsent(Self.deny(school: setting.school), for: setting.person)
            }
            let later = fixedNow.addingTimeInterval(60)
            #expect(try await store.change(by: .user(setting.worker), at: later) { tx in try await tx.withdrawConsent(id, of: setting.person + 1) } == false)
            #expect(try await store.change(by: .user(setting.worker), at: later) { tx in try await tx.withdrawConsent(id, of: setting.person) })
            #expect(try await store.change(by: .user(setting.worker), at: later) { tx in try await tx.withdrawConsent(id, of: setting.person) } == false)
            let history = try await ConsentQueries(store: store).provisions(of: setting.person)
            #expect(history.count == 1)
            #expect(history.first?.provision.withdrawnAt == later)
            #expect(history.first?.withdrawnBy == "Priya Adviser")
            #expect(try await ConsentQueries(store: store).standing(of: setting.person).isEmpty)
        }
    }

    @Test(arguments: TestDatabases.engines)
    func theRegisterStartsWithTheDefaultsAndAnEditIsKeptAndAudited(_ engine: DatabaseEngine) async throws {
        try await Self.run(engine) { store, setting in
            let queries = ConsentQueries(store: store)
            #expect(Set(try await queries.flows()) == Set(DataFlowDefaults.register))
            var portal = try #require(try await queries.flow(DataFlowDefaults.Key.schoolPortal))
            portal.agreementReference = "DSA-2026-014"
            portal.reviewDue = d("2027-09-01")
            let edited = portal
            #expect(try await store.change(by: .user(setting.worker), at: fixedNow) { tx in try await tx.updateDataFlow(edited) })
            #expect(try await queries.flow(portal.key) == portal)
            var renamed = portal
            renamed.key = "no-such-flow"
            let unknown = renamed
            #expect(try await store.change(by: .user(setting.worker), at: fixedNow) { tx in try await tx.updateDataFlow(unknown) } == false)
            let events = try await store.sql.select().column("detail").from("audit_event").where("entity", .equal, "data_flow").all(decodingColumn: "detail", as: String.self)
            #expect(events == ["flow=school-portal"])
        }
    }

    @Test(arguments: TestDatabases.engines)
    func anOverrideCountsFromItsGrantUntilItsExpiry(_ engine: DatabaseEngine) async throws {
        try await Self.run(engine) { store, setting in
            let until = fixedNow.addingTimeInterval(3600)
            let override = NewShareOverride(
                personID: setting.person, userID: setting.worker, flowKey: DataFlowDefaults.Key.schoolPortal, recipientID: setting.school,
                classes: [.currentActivity], reason: "Safeguarding meeting at the school this afternoon", grantedAt: fixedNow, expiresAt: until)
            let id = try await store.change(by: .user(setting.worker), at: fixedNow) { tx in try await tx.recordShareOverride(override) }
            let queries = ConsentQueries(store: store)
            #expect(try await queries.overrides(of: setting.person, at: fixedNow) == [
                ShareOverride(id: id, flowKey: override.flowKey, recipientID: setting.school, classes: [.currentActivity], grantedAt: fixedNow, expiresAt: until),
            ])
            #expect(try await queries.overrides(of: setting.person, at: until).isEmpty)
            let detail = try await store.sql.select().column("detail").from("audit_event").where("entity", .equal, "share_override")
                .first(decodingColumn: "detail", as: String.self)
            #expect(detail == "flow=school-portal; recipient=organisation:\(setting.school); classes=currentActivity; minutes=60; reason-characters=49")
        }
    }

    @Test(arguments: TestDatabases.engines)
    func visitsAreTheViewsOfThePersonWithTheViewersRoleAndOrganisation(_ engine: DatabaseEngine) async throws {
        try await Self.run(engine) { store, setting in
            try await store.change(by: .user(setting.worker), at: fixedNow) { tx in
                try await tx.audit(.view, entity: "young_person", entityID: setting.person, personID: setting.person, detail: "record")
                try await tx.audit(.update, entity: "young_person", entityID: setting.person, personID: setting.person, detail: "details")
            }
            try await store.change(by: .system("self-service"), at: fixedNow.addingTimeInterval(5)) { tx in
                try await tx.audit(.view, entity: "young_person", entityID: setting.person, personID: setting.person, detail: "own view")
            }
            let visits = try await RecordVisits(store: store).visits(to: setting.person, limit: 10)
            #expect(visits.map(\.actor) == ["system:self-service", "user:\(setting.worker)"])
            #expect(visits.last?.role == .personalAdviser)
            #expect(visits.last?.organisation == "Northmere")
            #expect(try await ConsentQueries(store: store).establishments(of: setting.person).map(\.name) == ["Millbrook Park School"])
        }
    }

    @Test(arguments: TestDatabases.engines)
    func aChoiceFollowsTheYoungPersonIntoAMergeAndBackOnUndo(_ engine: DatabaseEngine) async throws {
        try await Self.run(engine) { store, setting in
            let duplicate = try await store.change(by: .user(setting.worker), at: fixedNow) { tx in
                let duplicate = try await tx.createPerson(StoreFixtures.person())
                _ = try await tx.recordConsent(Self.deny(school: setting.school), for: duplicate)
                return duplicate
            }
            let merge = try await store.change(by: .user(setting.worker), at: fixedNow) { tx in try await tx.mergePeople(kept: setting.person, merged: duplicate) }
            let queries = ConsentQueries(store: store)
            #expect(try await queries.standing(of: setting.person).count == 1, "a no given on the duplicate still stops the share")
            _ = try await store.change(by: .user(setting.worker), at: fixedNow) { tx in try await tx.undoMerge(merge, by: setting.worker) }
            #expect(try await queries.standing(of: setting.person).isEmpty)
            #expect(try await queries.standing(of: duplicate).count == 1)
        }
    }
}
