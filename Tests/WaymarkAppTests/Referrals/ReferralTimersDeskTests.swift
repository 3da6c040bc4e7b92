import Foundation
import Testing
import WaymarkApp
import WaymarkCore
import WaymarkRecords
import WaymarkStore
import WaymarkTestSupport

/// Timers with a fixed clock, and what each side's overview and referral page show (and audit).
@Suite struct ReferralTimersDeskTests {
    static let now = ReferralFixture.now
    static let day: TimeInterval = 86_400

    @Test(arguments: TestDatabases.engines)
    func eachStateSetsItsReminderFromTheDayItWasEnteredAndTheOverviewListsItWhenDue(_ engine: DatabaseEngine) async throws {
        try await ReferralFixture.run(engine) { f in
            let adviser = try f.grant(.personalAdviser)
            let id = try await f.sentReferral()
            let sent = try #require(try await ReferralQueries(store: f.store).referral(id))
            #expect(sent.reminderDue == ReferralFixture.today.adding(days: 3))

            // not yet due two days on; due on the third, on the receiver's list only (they are waited on)
            #expect(try await f.desk.overview(for: f.yot, at: Self.now.addingTimeInterval(2 * Self.day)).due.isEmpty)
            let due = try await f.desk.overview(for: f.yot, at: Self.now.addingTimeInterval(3 * Self.day))
            #expect(due.due.map(\.id) == [id] && due.received.map(\.id) == [id])
            #expect(try await f.desk.overview(for: adviser, at: Self.now.addingTimeInterval(3 * Self.day)).due.isEmpty)
            #expect(try await ReferralQueries(store: f.store).remindersDue(on: ReferralFixture.today.adding(days: 3)).map(\.id) == [id])

            // acknowledged five days on: the decision's week counts from then
            let later = Self.now.addingTimeInterval(5 * Self.day)
            let received = try await f.desk.act(.acknowledge, on: id, for: f.yot, at: later)
            #expect(received.reminderDue == CalendarDate.today(from: later).adding(days: 7))
            for action in [ReferralAction.accept, .start] { try await f.desk.act(action, on: id, for: f.yot, at: later) }
            let outcome = try await f.desk.act(.recordOutcome(.didNotEngage, try f.reason()), on: id, for: f.yot, at: later)
            #expect(outcome.reminderDue == CalendarDate.today(from: later).adding(days: 14))
            // now the sender is waited on, to close it
            let senderDue = try await f.desk.overview(for: adviser, at: later.addingTimeInterval(14 * Self.day))
            #expect(senderDue.due.map(\.id) == [id])
        }
    }

    @Test(arguments: TestDatabases.engines)
    func theReceiverSeesOnlyWhatThePackageSharesAndEveryViewIsAudited(_ engine: DatabaseEngine) async throws {
        try await ReferralFixture.run(engine) { f in
            let id = try await f.sentReferral()
            let view = try await f.desk.open(id, for: f.yot, at: Self.now)
            #expect(view.side == .receiver && view.actions == [.acknowledge])
            #expect(view.shown == [.identity, .contact, .currentActivity, .educationAndActivity, .careStatus, .mentalHealth])
            #expect(view.person.givenName == "Amara")
            #expect(view.person.characteristics.allSatisfy { view.shown.contains($0.code.sensitivityClass) })
            #expect(view.referral.summary == ReferralFixture.summary)
            let senderView = try await f.desk.open(id, for: try f.grant(.personalAdviser), at: Self.now)
            #expect(senderView.side == .sender && senderView.actions == [.withdraw])
            let views = try await f.base.auditEvents(about: f.person, action: .view).filter { $0.entity == "referral" }
            #expect(views.count == 2)
            #expect(views.contains { ($0.detail ?? "").contains("side=receiver") && ($0.detail ?? "").contains("purpose=partnerWork") })

            let overview = try await f.desk.overview(for: f.yot, at: Self.now)
            #expect(overview.received.map(\.id) == [id] && overview.sent.isEmpty)
            #expect(try await f.base.auditDetails(.view, entity: "referral").last??.contains("shown=\(f.person)") == true)
        }
    }
}
