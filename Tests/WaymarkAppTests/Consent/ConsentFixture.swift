import Foundation
import SQLKit
import Testing
import WaymarkApp
import WaymarkCore
import WaymarkRecords
import WaymarkStore
import WaymarkTestSupport

/// The break-the-glass fixture's authority, with the young person on the
/// adviser's caseload on the careers leader's school roll, so the school
/// reaches them through the portal flow.
struct ConsentFixture: Sendable {
    static let now = BreakGlassFixture.now
    static var today: CalendarDate { CalendarDate.today(from: now) }

    let base: BreakGlassFixture
    let school: Int64
    var store: Store { base.store }
    var person: Int64 { base.onCaseload }

    static func run(_ engine: DatabaseEngine, _ body: (ConsentFixture) async throws -> Void) async throws {
        try await TestDatabases.withFreshStore(engine) { store in
            let base = try await BreakGlassFixture.build(store)
            let school = try #require(base.users[.careersLeader]).organisationID
            try await store.change(by: .system("test"), at: now) { tx in
                _ = try await tx.recordEnrolment(.onRoll(of: school, kind: .schoolRoll, yearGroup: 11, reportedOn: today), for: base.onCaseload)
            }
            try await body(ConsentFixture(base: base, school: school))
        }
    }

    func grant(_ role: Role) throws -> AccessGrant { try base.grant(role) }

    /// A "no" from the young person to `recipient` seeing `dataClass` at school.
    func deny(_ dataClass: SensitivityClass?, recipient: ConsentRecipient) -> ConsentProvision {
        ConsentProvision(
            decision: .deny, purpose: .schoolSupport, recipient: recipient, dataClass: dataClass, from: Self.today, givenBy: .youngPerson,
            method: .verbal(worker: "Personal adviser user"), recordedAt: Self.now)
    }

    /// A self-service link for the person, through a campaign member.
    func link() async throws -> String {
        let member = try await store.change(by: .system("test"), at: Self.now) { tx in
            let campaign = try await tx.createCampaign(NewCampaign(name: "Autumn", channel: .sms, audience: "queue=not-known", subject: nil, body: "Hi {{link}}"))
            return try await tx.addCampaignMember(campaignID: campaign, personID: person, skipReason: nil, outboxMessageID: nil)
        }
        let path = try await SelfServiceLinks(store: store, baseURL: "").path(personID: person, campaignMemberID: member, now: Self.now)
        return String(path.dropFirst("/s/".count))
    }
}
