import Foundation
import SQLKit
import Testing
import WaymarkApp
import WaymarkCore
import WaymarkRecords
import WaymarkStore
import WaymarkTestSupport

/// The break-the-glass fixture's authority (one user per role; a young
/// person on the adviser's caseload, one on nobody's) with two partner
/// services: the youth justice service with a worker, and a health service
/// with a worker. The young person on the caseload has given consent to
/// referrals to youth justice services; the other has given none.
struct ReferralFixture: Sendable {
    static let now = BreakGlassFixture.now
    static var today: CalendarDate { CalendarDate.today(from: now) }
    static let summary = "Arrested last week; wants help staying in college and keeping to the order"

    let base: BreakGlassFixture
    let youthJustice: Int64
    let health: Int64
    let yotWorker: StoredUser
    let healthWorker: StoredUser
    var store: Store { base.store }
    var person: Int64 { base.onCaseload }
    var desk: ReferralDesk { ReferralDesk(store: store, registry: DemoAuthority.registry) }

    static func run(_ engine: DatabaseEngine, _ body: (ReferralFixture) async throws -> Void) async throws {
        try await TestDatabases.withFreshStore(engine) { store in
            let base = try await BreakGlassFixture.build(store)
            let ids = try await store.change(by: .system("test"), at: now) { tx in
                let yjs = try await tx.createOrganisation(NewOrganisation(kind: .youthJustice, name: "Northmere Youth Justice Service", laCode: DemoAuthority.code))
                let nhs = try await tx.createOrganisation(NewOrganisation(kind: .health, name: "Northmere Wellbeing Service", laCode: DemoAuthority.code))
                let yot = try await tx.createUser(
                    NewUser(organisationID: yjs, email: "yot@northmere.example", displayName: "Dan Whitfield", role: .partnerWorker, passwordHash: "x"))
                let nurse = try await tx.createUser(
                    NewUser(organisationID: nhs, email: "nurse@northmere.example", displayName: "Ruth Mensah", role: .partnerWorker, passwordHash: "x"))
                _ = try await tx.recordConsent(
                    ConsentProvision(
                        decision: .permit, purpose: .referral, recipient: .kind(.youthJustice), dataClass: nil, from: today, givenBy: .youngPerson,
                        method: .verbal(worker: "Personal adviser user"), recordedAt: now),
                    for: base.onCaseload)
                return (yjs, nhs, yot, nurse)
            }
            let users = UserQueries(store: store)
            let yot = try #require(try await users.user(id: ids.2))
            let nurse = try #require(try await users.user(id: ids.3))
            try await body(ReferralFixture(base: base, youthJustice: ids.0, health: ids.1, yotWorker: yot, healthWorker: nurse))
        }
    }

    func grant(_ role: Role) throws -> AccessGrant { try base.grant(role) }

    /// A partner worker's grant, scoped as the server scopes them.
    func partner(_ user: StoredUser) -> AccessGrant {
        AccessGrant(
            user: user,
            scope: AccessPolicy.scope(
                for: StoredOrganisation(id: user.organisationID, kind: .youthJustice, name: "", laCode: DemoAuthority.code),
                installationLA: DemoAuthority.code, on: Self.today))
    }

    var yot: AccessGrant { partner(yotWorker) }
    var nurse: AccessGrant { partner(healthWorker) }

    /// A referral from the adviser to the youth justice service, sent (and, if asked, taken further by the YOT worker).
    func sentReferral(at instant: Date = now) async throws -> Int64 {
        let adviser = try grant(.personalAdviser)
        let id = try await desk.draft(for: adviser, person: person, to: youthJustice, purpose: nil, summary: Self.summary, at: instant)
        try await desk.act(.send, on: id, for: adviser, at: instant)
        return id
    }

    func reason(_ text: String = "The young person asked for this step") throws -> ReferralReason {
        try ReferralReason(text, field: "reason")
    }

    /// Rows of `table` about the referral's person, as (column) values.
    func count(_ table: String, where column: String, is value: any Encodable & Sendable) async throws -> Int {
        try await store.sql.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from(table)
            .where(SQLIdentifier(column), .equal, SQLBind(value)).first(decodingColumn: "n", as: Int.self) ?? 0
    }

    /// Audit details of `action` events on `entity`, oldest first.
    func audits(_ action: AuditAction, _ entity: String) async throws -> [String?] {
        try await base.auditDetails(action, entity: entity)
    }
}
