import Foundation
import Testing
import WaymarkApp
import WaymarkCore
import WaymarkRecords
import WaymarkStore
import WaymarkTestSupport

/// Parents, carers and professionals are third parties' data: shown to those
/// who see contact details, and a relationship that tells a restricted fact
/// only to those who see that fact. Views are audited with ids only.
@Suite struct PersonContactsDeskTests {
    static let now = BreakGlassFixture.now
    static let mother = PersonContactDetails(name: "Grace Okafor", relationship: .parent, phone: "07700 900123", hasParentalResponsibility: true)
    static let worker = PersonContactDetails(name: "Sam Reid", relationship: .youthJusticeWorker, organisation: "Northmere YJS")

    @Test(arguments: TestDatabases.engines)
    func aRelationshipThatTellsOffendingIsShownOnlyToThoseWhoSeeOffending(_ engine: DatabaseEngine) async throws {
        try await TestDatabases.withFreshStore(engine) { store in
            let fixture = try await BreakGlassFixture.build(store)
            let services = AppServices(store: store, registry: DemoAuthority.registry, laCode: try DemoAuthority.laCode)
            let desk = services.personContacts
            let officer = try fixture.grant(.trackingOfficer)
            let dataManager = try fixture.grant(.dataManager)
            let asOfficer = try await services.casework.forChange(fixture.onCaseload, for: officer)
            let asDataManager = try await services.casework.forChange(fixture.onCaseload, for: dataManager)

            let mother = try await desk.add(Self.mother, on: asOfficer, at: Self.now)
            await #expect(throws: Refusal.self, "a tracking officer does not see offending, so cannot record a youth justice worker") {
                try await desk.add(Self.worker, on: asOfficer, at: Self.now)
            }
            let worker = try await desk.add(Self.worker, on: asDataManager, at: Self.now)

            let seenByOfficer = try await desk.contacts(of: fixture.onCaseload, for: officer, at: Self.now)
            #expect(seenByOfficer.contacts.map(\.id) == [mother] && seenByOfficer.withheld == 1)
            #expect(!seenByOfficer.relationships.contains(.youthJusticeWorker) && seenByOfficer.relationships.contains(.socialWorker), "tracking officers see care status")
            let seenByDataManager = try await desk.contacts(of: fixture.onCaseload, for: dataManager, at: Self.now)
            #expect(seenByDataManager.contacts.map(\.id) == [mother, worker] && seenByDataManager.withheld == 0)
            await #expect(throws: Refusal.self, "nor change one") { try await desk.end(worker, on: asOfficer, at: Self.now) }

            let views = try await fixture.auditDetails(.view, entity: "person_contact")
            #expect(views == ["contacts; shown=\(mother); withheld=1; purpose=tracking", "contacts; shown=\(mother),\(worker); purpose=dataQuality"])

            _ = try await services.breakGlassDesk.breakGlass(for: officer, person: fixture.onCaseload, reason: BreakGlassFixture.reason, at: Self.now)
            let afterBreakingGlass = try await desk.contacts(of: fixture.onCaseload, for: officer, at: Self.now.addingTimeInterval(60))
            #expect(afterBreakingGlass.contacts.map(\.id) == [mother, worker] && afterBreakingGlass.withheld == 0, "the glass opens the record's contacts too")
            #expect(!afterBreakingGlass.relationships.contains(.youthJusticeWorker), "breaking the glass shows; it does not let them record")
            let lastView = try #require(try await fixture.auditDetails(.view, entity: "person_contact").last ?? nil)
            #expect(lastView.hasPrefix("contacts; shown=\(mother),\(worker); break-glass=") && lastView.contains("offending"))
        }
    }

    @Test(arguments: TestDatabases.engines)
    func schoolsAndManagersDoNotSeeThemAndAnAdviserChangesOnlyTheirCaseload(_ engine: DatabaseEngine) async throws {
        try await TestDatabases.withFreshStore(engine) { store in
            let fixture = try await BreakGlassFixture.build(store)
            let services = AppServices(store: store, registry: DemoAuthority.registry, laCode: try DemoAuthority.laCode)
            let desk = services.personContacts
            let adviser = try fixture.grant(.personalAdviser)
            let record = try await services.casework.forChange(fixture.onCaseload, for: adviser)
            let mother = try await desk.add(Self.mother, on: record, at: Self.now)

            for role in [Role.careersLeader, .manager] {
                await #expect(throws: Refusal.self, "\(role.rawValue)") {
                    try await desk.contacts(of: fixture.onCaseload, for: try fixture.grant(role), at: Self.now)
                }
            }
            await #expect(throws: AccessDenied.self) { try await desk.contacts(of: fixture.onCaseload, for: try fixture.grant(.administrator), at: Self.now) }
            await #expect(throws: Refusal.self, "another LA's young person is not found") {
                try await desk.contacts(of: fixture.otherLA, for: adviser, at: Self.now)
            }
            #expect(try await desk.contacts(of: fixture.noAdviser, for: adviser, at: Self.now).mayChange == false)
            #expect(try await desk.contacts(of: fixture.onCaseload, for: adviser, at: Self.now).mayChange)

            var changed = Self.mother
            changed.phone = "07700 900999"
            try await desk.update(mother, to: changed, on: record, at: Self.now)
            try await desk.end(mother, on: record, at: Self.now)
            let shown = try await desk.contacts(of: fixture.onCaseload, for: adviser, at: Self.now).contacts
            #expect(shown.count == 1 && shown[0].details.phone == "07700 900999" && shown[0].endedOn == CalendarDate.today(from: Self.now))
            await #expect(throws: Refusal.self, "an ended contact cannot be ended or changed again") { try await desk.end(mother, on: record, at: Self.now) }
        }
    }

    @Test(arguments: TestDatabases.engines)
    func aCorrectionNeedsAReasonAndAChange(_ engine: DatabaseEngine) async throws {
        try await TestDatabases.withFreshStore(engine) { store in
            let fixture = try await BreakGlassFixture.build(store)
            let services = AppServices(store: store, registry: DemoAuthority.registry, laCode: try DemoAuthority.laCode)
            let record = try await services.casework.forChange(fixture.onCaseload, for: try fixture.grant(.trackingOfficer))

            await #expect(throws: Refusal.invalid("correction-explanation: say why the record is being corrected.")) {
                try await services.casework.correctIdentity(
                    IdentityCorrection(givenName: "Amarah", familyName: nil, dateOfBirth: nil, reason: .other, explanation: nil), on: record, at: Self.now)
            }
            await #expect(throws: Refusal.self) {
                try await services.casework.correctIdentity(
                    IdentityCorrection(givenName: "Amara", familyName: "Okafor", dateOfBirth: nil, reason: .spellingMistake, explanation: nil), on: record,
                    at: Self.now)
            }
            try await services.casework.correctIdentity(
                IdentityCorrection(givenName: "Amarah", familyName: nil, dateOfBirth: nil, reason: .spellingMistake, explanation: nil), on: record, at: Self.now)
            let details = try await services.casework.details(record, at: Self.now)
            #expect(details.person.givenName == "Amarah")
            #expect(details.corrections.map(\.oldValue) == ["Amara"])
            #expect(details.corrections.first.flatMap(\.recordedBy).flatMap { details.correctedBy[$0] } == "Tracking officer user")
        }
    }
}
