import Foundation
import SQLKit
import Testing
import WaymarkApp
import WaymarkCore
import WaymarkRecords
import WaymarkStore
import WaymarkTestSupport

/// An LA with a school and a college on 18 November 2026. The school's
/// careers leader has three leavers: Amara (2026, now at the college, full
/// time), Zara (2026, NEET since September) and Kemi (2025, nothing
/// recorded), and Nils in Year 11 now; Harbour Academy has a 2026 leaver of
/// its own. The college's careers leader has Amara on its books.
struct PortalFixture: Sendable {
    static let now = Date(timeIntervalSince1970: 1_795_000_000)
    static var today: CalendarDate { CalendarDate.today(from: now) }

    let store: Store
    let school: Int64
    let college: Int64
    let schoolLeader: StoredUser
    let collegeLeader: StoredUser
    let adviser: StoredUser
    let amara: Int64
    let zara: Int64
    let kemi: Int64
    let nils: Int64
    let elsewhere: Int64

    static func run(_ engine: DatabaseEngine, _ body: (PortalFixture) async throws -> Void) async throws {
        try await TestDatabases.withFreshStore(engine) { store in try await body(try await build(store)) }
    }

    func grant(_ user: StoredUser, kind: OrganisationKind) -> AccessGrant {
        AccessGrant(
            user: user,
            scope: .establishment(reach: ReachPolicy.standard.reach(of: user.organisationID, kind: kind, on: Self.today), laCode: DemoAuthority.code))
    }

    var schoolGrant: AccessGrant { grant(schoolLeader, kind: .school) }
    var collegeGrant: AccessGrant { grant(collegeLeader, kind: .furtherEducationCollege) }
    var adviserGrant: AccessGrant { AccessGrant(user: adviser, scope: .authority(laCode: DemoAuthority.code)) }
    var portal: PortalDesk { AppServices(store: store, registry: DemoAuthority.registry, laCode: try! DemoAuthority.laCode).portal }

    static func date(_ iso: String) -> CalendarDate { try! CalendarDate(iso: iso) }

    static func build(_ store: Store) async throws -> PortalFixture {
        let la = try DemoAuthority.laCode
        let ids = try await store.change(by: .system("test"), at: now) { tx in
            let laID = try await tx.createOrganisation(NewOrganisation(kind: .localAuthority, name: DemoAuthority.name, laCode: DemoAuthority.code))
            let school = try await tx.createOrganisation(
                NewOrganisation(kind: .school, name: "Millbrook Park School", laCode: DemoAuthority.code, establishmentNumber: "9904001"))
            let other = try await tx.createOrganisation(
                NewOrganisation(kind: .school, name: "Harbour Academy", laCode: DemoAuthority.code, establishmentNumber: "9904002"))
            let college = try await tx.createOrganisation(NewOrganisation(kind: .furtherEducationCollege, name: "Northmere College", laCode: DemoAuthority.code))
            func user(_ email: String, _ role: Role, at organisation: Int64) async throws -> Int64 {
                try await tx.createUser(NewUser(organisationID: organisation, email: email, displayName: email, role: role, passwordHash: "not a hash"))
            }
            let users = (
                try await user("leader@millbrook.example", .careersLeader, at: school), try await user("leader@college.example", .careersLeader, at: college),
                try await user("adviser@northmere.example", .personalAdviser, at: laID))
            func person(_ given: String, _ family: String, born: String, at school: Int64, year11: Int, upn: String? = nil) async throws -> Int64 {
                let id = try await tx.createPerson(
                    NewYoungPerson(
                        identity: YoungPersonIdentity(
                            givenName: given, familyName: family, dateOfBirth: date(born), gender: .female, ethnicity: .notObtained, upn: upn),
                        cohortStatus: .primary, responsibleLA: la, educatedLA: la, schoolID: school))
                let y11 = AcademicYear(startYear: year11)
                try await tx.recordEnrolment(
                    NewEnrolment(organisationID: school, kind: .schoolRoll, yearGroup: 11, from: y11.firstDay, to: y11.lastDay), for: id)
                return id
            }
            let amara = try await person("Amara", "Okafor", born: "2010-01-10", at: school, year11: 2025)
            try await tx.recordActivity(
                ActivityRecord(
                    code: .furtherEducation, startDate: date("2026-09-01"), dateAscertained: date("2026-09-10"), predictedEndDate: date("2028-06-30")),
                for: amara, organisationID: college)
            let zara = try await person("Zara", "Lindqvist", born: "2010-02-02", at: school, year11: 2025)
            try await tx.recordActivity(
                ActivityRecord(code: .seekingEET, startDate: date("2026-09-15"), dateAscertained: date("2026-09-20"), neetStartDate: date("2026-09-15")),
                for: zara)
            let kemi = try await person("Kemi", "Adeyemi", born: "2009-05-05", at: school, year11: 2024)
            let nils = try await person("Nils", "Berg", born: "2011-01-01", at: school, year11: 2026, upn: "D990400126001")
            let elsewhere = try await person("Odile", "Brightwater", born: "2010-03-03", at: other, year11: 2025)
            try await tx.assignCaseload(of: zara, adviserID: users.2, tier: .targeted, since: date("2026-10-01"))
            return (school, college, users, amara, zara, kemi, nils, elsewhere)
        }
        let users = UserQueries(store: store)
        return PortalFixture(
            store: store, school: ids.0, college: ids.1, schoolLeader: try #require(try await users.user(id: ids.2.0)),
            collegeLeader: try #require(try await users.user(id: ids.2.1)), adviser: try #require(try await users.user(id: ids.2.2)),
            amara: ids.3, zara: ids.4, kemi: ids.5, nils: ids.6, elsewhere: ids.7)
    }

    /// The young person's yes or no to their school seeing `dataClass` through the portal, recorded by their adviser.
    func provision(_ decision: ConsentDecision, _ dataClass: SensitivityClass, to organisation: Int64) -> ConsentProvision {
        ConsentProvision(
            decision: decision, purpose: .schoolSupport, recipient: .organisation(organisation), dataClass: dataClass, from: Self.today,
            givenBy: .youngPerson, method: .verbal(worker: "adviser"), recordedAt: Self.now)
    }

    func auditDetails(_ entity: String) async throws -> [String] {
        try await store.sql.select().column("detail").from("audit_event").where("action", .equal, "view").where("entity", .equal, entity).orderBy("id")
            .all(decodingColumn: "detail", as: String?.self).compactMap { $0 }
    }
}
