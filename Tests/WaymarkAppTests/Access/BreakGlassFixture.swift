import Foundation
import SQLKit
import WaymarkApp
import WaymarkCore
import WaymarkStore
import WaymarkRecords

/// An LA with a school, one user per role (the careers leader at the school),
/// a young person at the school with a mental-health characteristic on the
/// adviser's caseload, one on nobody's caseload, and one in another LA.
struct BreakGlassFixture: Sendable {
    static let now = Date(timeIntervalSince1970: 1_795_000_000)
    static let reason = "Police called: missing since Friday, need to check health risks before the search"

    let store: Store
    let users: [Role: StoredUser]
    let onCaseload: Int64
    let noAdviser: Int64
    let otherLA: Int64

    func grant(_ role: Role) throws -> AccessGrant {
        guard let user = users[role] else { throw FixtureError.missingUser(role) }
        let scope: RecordScope = role == .careersLeader
            ? .establishment(
                reach: ReachPolicy.standard.reach(of: user.organisationID, kind: .school, on: CalendarDate.today(from: BreakGlassFixture.now)),
                laCode: DemoAuthority.code)
            : .authority(laCode: DemoAuthority.code)
        return AccessGrant(user: user, scope: scope)
    }

    enum FixtureError: Error { case missingUser(Role) }

    static func build(_ store: Store) async throws -> BreakGlassFixture {
        let la = try DemoAuthority.laCode
        let kent = try DemoAuthority.registry.code("886")
        let ids = try await store.change(by: .system("test"), at: now) { tx in
            let laID = try await tx.createOrganisation(NewOrganisation(kind: .localAuthority, name: DemoAuthority.name, laCode: DemoAuthority.code))
            let school = try await tx.createOrganisation(NewOrganisation(kind: .school, name: "Millbrook Park School", laCode: DemoAuthority.code))
            var users: [Role: Int64] = [:]
            for role in Role.allCases {
                users[role] = try await tx.createUser(
                    NewUser(organisationID: role == .careersLeader ? school : laID, email: "\(role.rawValue)@northmere.example",
                            displayName: "\(role.displayName) user", role: role, passwordHash: "not a hash"))
            }
            func person(_ given: String, la: LocalAuthorityCode) async throws -> Int64 {
                try await tx.createPerson(
                    NewYoungPerson(
                        identity: YoungPersonIdentity(
                            givenName: given, familyName: "Okafor", dateOfBirth: try CalendarDate(iso: "2009-03-14"), gender: .female, ethnicity: .blackAfrican),
                        cohortStatus: .primary, responsibleLA: la, educatedLA: la, schoolID: school))
            }
            let onCaseload = try await person("Amara", la: la)
            _ = try await tx.addCharacteristic(CharacteristicRecord(code: .mentalHealth, startDate: try CalendarDate(iso: "2026-09-01"), endDate: nil), for: onCaseload)
            try await tx.assignCaseload(of: onCaseload, adviserID: users[.personalAdviser], tier: .targeted, since: try CalendarDate(iso: "2026-11-01"))
            return (users, onCaseload, try await person("Zara", la: la), try await person("Kemi", la: kent))
        }
        var users: [Role: StoredUser] = [:]
        for (role, id) in ids.0 { users[role] = try await UserQueries(store: store).user(id: id) }
        return BreakGlassFixture(store: store, users: users, onCaseload: ids.1, noAdviser: ids.2, otherLA: ids.3)
    }

    /// The details of every audit event with `action` on `entity`, oldest first, whoever it is about.
    func auditDetails(_ action: AuditAction, entity: String) async throws -> [String?] {
        try await store.sql.select().column("detail").from("audit_event")
            .where("action", .equal, action.rawValue).where("entity", .equal, entity).orderBy("id")
            .all(decodingColumn: "detail", as: String?.self)
    }

    /// The audit events about `person` with `action`, newest first.
    func auditEvents(about person: Int64, action: AuditAction) async throws -> [PersonAuditEntry] {
        try await PersonAuditTrail(store: store).events(about: person, limit: 1000).filter { $0.action == action.rawValue }
    }
}
