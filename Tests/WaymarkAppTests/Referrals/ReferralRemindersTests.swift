import Foundation
import Logging
import SQLKit
import Testing
@testable import WaymarkApp
import WaymarkCore
import WaymarkRecords
import WaymarkStore
import WaymarkTestSupport

/// Reminders when a referral's state timer runs out, with a fixed clock on
/// both engines: none before the timer, one (an e-mail queued and a notice)
/// to whoever's turn it is after it, none on a second run, and a new one
/// after the referral moves to a state whose timer also runs out.
@Suite struct ReferralRemindersTests {
    static let now = ReferralFixture.now
    static let day: TimeInterval = 86_400

    static func at(_ days: Int) -> Date { now.addingTimeInterval(Double(days) * day) }
    static func on(_ days: Int) -> CalendarDate { ReferralFixture.today.adding(days: days) }

    /// The e-mails queued to staff, oldest first: (recipient user, subject, status).
    static func staffMail(_ f: ReferralFixture) async throws -> [(Int64, String, String)] {
        try await f.store.sql.select().columns("staff_user_id", "subject", "status").from("outbox_message")
            .where("staff_user_id", .isNot, SQLLiteral.null).where("subject", .like, "%is waiting on you").orderBy("id").all()
            .map { (try $0.decode(column: "staff_user_id", as: Int64?.self) ?? 0, try $0.decode(column: "subject", as: String.self),
                    try $0.decode(column: "status", as: String.self)) }
    }

    @Test(arguments: TestDatabases.engines)
    func oneReminderPerStateToWhoeverItWaitsOnAndNoneTwice(_ engine: DatabaseEngine) async throws {
        try await ReferralFixture.run(engine) { f in
            let reminders = ReferralReminders(store: f.store)
            let id = try await f.sentReferral()

            // given a referral sent today (three days to acknowledge): nothing on the second day
            #expect(try await reminders.queueDue(on: Self.on(2), at: Self.at(2)) == 0)
            #expect(try await Self.staffMail(f).isEmpty)

            // when its timer runs out: one e-mail queued (not sent) to the receiving service's worker, and a notice
            #expect(try await reminders.queueDue(on: Self.on(3), at: Self.at(3)) == 1)
            var mail = try await Self.staffMail(f)
            #expect(mail.map(\.0) == [f.yotWorker.id])
            #expect(mail.map(\.1) == ["Waymark: referral \(id) is waiting on you"] && mail.map(\.2) == ["queued"])
            #expect(try await ReferralQueries(store: f.store).notices(for: f.yotWorker.id, since: Self.now, kind: .referralReminder) == [id])
            let audits = try await f.audits(.update, "referral").compactMap { $0 }.filter { $0.hasPrefix("reminder") }
            #expect(audits == ["reminder; state=sent; to=\(f.yotWorker.id)"])
            // the worker's home page lists it; the referrer, not waited on, has no reminder
            #expect(try await f.desk.reminders(for: f.yot, at: Self.at(3)).map(\.id) == [id])
            #expect(try await f.desk.reminders(for: try f.grant(.personalAdviser), at: Self.at(3)).isEmpty)

            // then a second run, the same day or later, queues nothing more
            #expect(try await reminders.queueDue(on: Self.on(3), at: Self.at(3)) == 0)
            #expect(try await reminders.queueDue(on: Self.on(4), at: Self.at(4)) == 0)
            #expect(try await Self.staffMail(f).count == 1)

            // when the worker acknowledges it on day 5, the decision's week starts: nothing on day 11, one on day 12
            try await f.desk.act(.acknowledge, on: id, for: f.yot, at: Self.at(5))
            #expect(try await reminders.queueDue(on: Self.on(11), at: Self.at(11)) == 0)
            #expect(try await reminders.queueDue(on: Self.on(12), at: Self.at(12)) == 1)
            #expect(try await reminders.queueDue(on: Self.on(12), at: Self.at(12)) == 0)
            mail = try await Self.staffMail(f)
            #expect(mail.map(\.0) == [f.yotWorker.id, f.yotWorker.id])

            // once the outcome is recorded the referrer is waited on: their reminder, to close it
            for action in [ReferralAction.accept, .start] { try await f.desk.act(action, on: id, for: f.yot, at: Self.at(13)) }
            try await f.desk.act(.recordOutcome(.goalsMet, try f.reason("Kept to the order and stayed in college")), on: id, for: f.yot, at: Self.at(13))
            #expect(try await reminders.queueDue(on: Self.on(26), at: Self.at(26)) == 0)
            #expect(try await reminders.queueDue(on: Self.on(27), at: Self.at(27)) == 1)
            mail = try await Self.staffMail(f)
            #expect(mail.map(\.0) == [f.yotWorker.id, f.yotWorker.id, try f.grant(.personalAdviser).user.id])
            // and a closed referral has no timer: nothing more, however long it waits
            try await f.desk.act(.close, on: id, for: try f.grant(.personalAdviser), at: Self.at(28))
            #expect(try await reminders.queueDue(on: Self.on(400), at: Self.at(400)) == 0)
            #expect(try await Self.staffMail(f).count == 3)
        }
    }

    @Test(arguments: TestDatabases.engines)
    func theDailyJobQueuesThemAndARerunOfTheSameDayAddsNothing(_ engine: DatabaseEngine) async throws {
        try await ReferralFixture.run(engine) { f in
            let id = try await f.sentReferral()
            let day = Self.on(3)
            let clock = Self.at(3)
            let handlers = StandardJobs(store: f.store, registry: DemoAuthority.registry, laCode: try DemoAuthority.laCode,
                                        returnsDirectory: NSTemporaryDirectory(), now: { clock }).handlers
            let runner = JobRunner(store: f.store, handlers: handlers, logger: Logger(label: "test"), now: { clock })

            // the schedule asks for the day's job once; the runner does it
            try await ReferralRemindersSchedule(store: f.store, now: { clock }).askForToday()
            try await ReferralRemindersSchedule(store: f.store, now: { clock }).askForToday()
            #expect(await runner.drain() == 1)
            let done = try #require(try await JobDesk(store: f.store).state(of: .referralReminders(day: day)).lastDone)
            #expect(done.result == #"{"reminded":1}"#)
            // asked again the same day: the day's job is done, nothing is queued again
            try await ReferralRemindersSchedule(store: f.store, now: { clock }).askForToday()
            #expect(await runner.drain() == 0)
            // a job run again by hand (a worker that died and was restarted) adds nothing either
            try await JobDesk(store: f.store).request(.referralReminders(day: day), by: nil, at: clock.addingTimeInterval(60))
            #expect(await runner.drain() == 1)
            #expect(try await Self.staffMail(f).map(\.0) == [f.yotWorker.id])
            #expect(try await ReferralQueries(store: f.store).notices(for: f.yotWorker.id, since: Self.now, kind: .referralReminder) == [id])
        }
    }
}
