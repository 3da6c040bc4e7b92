import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import WaymarkApp
import WaymarkCore
import WaymarkRecords
import WaymarkStore
import WaymarkTestSupport
@testable import WaymarkWeb

/// An LA with two schools, one user per role (the careers leader works at
/// school A), a young person at school A on the adviser's caseload and one
/// at school B on nobody's. Both left Year 11 at their school in July 2025,
/// so each school still reaches its own (docs/POLICIES.md).
struct AccessFixture: Sendable {
    let users: [Role: Int64]
    let schoolA: Int64
    let schoolB: Int64
    let onCaseload: Int64
    let elsewhere: Int64
    /// With `withCasework`: a sent letter campaign, a suspected duplicate
    /// (the two people above) and a merge of two others.
    var campaign: Int64?
    var exception: Int64?
    var merge: Int64?

    static func email(_ role: Role) -> String { "\(role.rawValue)@northmere.example" }

    static func run(
        _ engine: DatabaseEngine, withCasework: Bool = false,
        _ body: @escaping @Sendable (any TestClientProtocol, Store, AccessFixture) async throws -> Void
    ) async throws {
        try await TestDatabases.withFreshStore(engine) { store in
            var built = try await build(store)
            if withCasework { try await built.addCasework(store) }
            let fixture = built
            let services = WebServices(
                store: store, registry: DemoAuthority.registry, laCode: try DemoAuthority.laCode, passwordCost: 4, passwordHasher: .forTests, trustForwardedFor: true,
                now: { WebTestHarness.now })
            let app = try await buildApplication(services: services, configuration: WebConfiguration(), logger: .init(label: "test"))
            try await app.test(.router) { client in try await body(client, store, fixture) }
        }
    }

    static func build(_ store: Store) async throws -> AccessFixture {
        let now = WebTestHarness.now
        let (laID, schoolA, schoolB) = try await store.change(by: .system("test"), at: now) { tx in
            (
                try await tx.createOrganisation(NewOrganisation(kind: .localAuthority, name: DemoAuthority.name, laCode: DemoAuthority.code)),
                try await tx.createOrganisation(NewOrganisation(kind: .school, name: "Millbrook Park School", laCode: DemoAuthority.code, establishmentNumber: "9904001")),
                try await tx.createOrganisation(NewOrganisation(kind: .school, name: "Harbour Academy", laCode: DemoAuthority.code, establishmentNumber: "9904002"))
            )
        }
        // The partner worker works at a youth justice service.
        let youthJustice = try await store.change(by: .system("test"), at: now) { tx in
            try await tx.createOrganisation(NewOrganisation(kind: .youthJustice, name: "Northmere Youth Justice Service", laCode: DemoAuthority.code))
        }
        var users: [Role: Int64] = [:]
        for role in Role.allCases {
            users[role] = try await UserAccounts(store: store, cost: 4).add(
                email: email(role), displayName: role.displayName + " user", role: role, password: WebTestHarness.password,
                organisationID: role == .careersLeader ? schoolA : role == .partnerWorker ? youthJustice : laID, by: .system("test"), at: now)
        }
        let adviser = users[.personalAdviser]
        let la = try DemoAuthority.registry.code(DemoAuthority.code)
        let (first, second) = try await store.change(by: .system("test"), at: now) { tx in
            func person(_ given: String, school: Int64) async throws -> Int64 {
                let id = try await tx.createPerson(
                    NewYoungPerson(
                        identity: YoungPersonIdentity(
                            givenName: given, familyName: "Okafor", dateOfBirth: try CalendarDate(iso: "2009-03-14"), gender: .female,
                            ethnicity: .blackAfrican),
                        cohortStatus: .primary, responsibleLA: la, educatedLA: la, schoolID: school))
                try await tx.recordEnrolment(
                    NewEnrolment(organisationID: school, kind: .schoolRoll, yearGroup: 11, from: try CalendarDate(iso: "2024-09-01"),
                                 to: try CalendarDate(iso: "2025-08-31")),
                    for: id)
                return id
            }
            let first = try await person("Amara", school: schoolA)
            let second = try await person("Zara", school: schoolB)
            try await tx.assignCaseload(of: first, adviserID: adviser, tier: .targeted, since: try CalendarDate(iso: "2026-11-01"))
            return (first, second)
        }
        return AccessFixture(users: users, schoolA: schoolA, schoolB: schoolB, onCaseload: first, elsewhere: second)
    }
}

extension AccessFixture {
    /// Something on every page that lists people: a sent letter campaign to
    /// the not known, a suspected duplicate, and a merge.
    mutating func addCasework(_ store: Store) async throws {
        let now = WebTestHarness.now
        let (onCaseload, elsewhere, schoolB) = (onCaseload, elsewhere, schoolB)
        let la = try DemoAuthority.registry.code(DemoAuthority.code)
        let (campaign, exception, kept, merged) = try await store.change(by: .system("test"), at: now) { tx in
            let campaign = try await tx.createCampaign(NewCampaign(
                name: "Letters to the not known", channel: .letter, audience: "queue=not-known", subject: nil, body: "Dear {given_name}, {link}"))
            let exception = try await tx.queueDuplicate(NewMatchException(
                kind: .duplicate, personID: onCaseload, otherPersonID: elsewhere, incoming: nil, probability: 0.9, explanation: ""))
            func person(_ given: String) async throws -> Int64 {
                try await tx.createPerson(NewYoungPerson(
                    identity: YoungPersonIdentity(
                        givenName: given, familyName: "Lindqvist", dateOfBirth: try CalendarDate(iso: "2009-05-02"), gender: .male, ethnicity: .whiteBritish),
                    cohortStatus: .primary, responsibleLA: la, educatedLA: la, schoolID: schoolB))
            }
            return (campaign, exception, try await person("Nils"), try await person("Niels"))
        }
        let admin = users[.dataManager]!
        _ = try await CampaignSender(
            store: store, planner: CampaignPlanner(store: store, classifier: ParticipationClassifier()), laName: DemoAuthority.name
        ).send(campaign, by: admin, scope: .authority(laCode: DemoAuthority.code), now: now)
        self.merge = try await store.change(by: .user(admin), at: now) { tx in try await tx.mergePeople(kept: kept, merged: merged) }
        self.campaign = campaign
        self.exception = exception
    }
}
