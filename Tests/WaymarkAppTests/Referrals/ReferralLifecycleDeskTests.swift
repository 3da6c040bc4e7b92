import Foundation
import SQLKit
import Testing
import WaymarkApp
import WaymarkCore
import WaymarkRecords
import WaymarkStore
import WaymarkTestSupport

/// Every referral transition through the use case, on both engines: the
/// state stored, the step kept, the audit event, the known-to register, and
/// the referrer told (a notice and a queued e-mail) of each change made by someone else.
@Suite struct ReferralLifecycleDeskTests {
    static let now = ReferralFixture.now

    @Test(arguments: TestDatabases.engines)
    func anAdviserDraftsAndSendsAndTheYOTWorkerTakesItToAnOutcome(_ engine: DatabaseEngine) async throws {
        try await ReferralFixture.run(engine) { f in
            let adviser = try f.grant(.personalAdviser)
            // given a draft
            let id = try await f.desk.draft(for: adviser, person: f.person, to: f.youthJustice, purpose: nil, summary: ReferralFixture.summary, at: Self.now)
            var stored = try #require(try await ReferralQueries(store: f.store).referral(id))
            #expect(stored.state == .draft && stored.purpose == .youthJustice && stored.fromUserID == adviser.user.id)
            #expect(stored.reminderDue == ReferralFixture.today.adding(days: 7))

            // when each side takes its steps
            let steps: [(ReferralAction, AccessGrant, ReferralState)] = [
                (.send, adviser, .sent), (.acknowledge, f.yot, .received), (.accept, f.yot, .accepted), (.start, f.yot, .active),
                (.recordOutcome(.goalsMet, try f.reason("Kept to the order and stayed in college")), f.yot, .outcomeRecorded),
                (.close, adviser, .closed),
            ]
            for (index, (action, grant, expected)) in steps.enumerated() {
                let at = Self.now.addingTimeInterval(Double(index + 1) * 86_400)
                stored = try await f.desk.act(action, on: id, for: grant, at: at)
                #expect(stored.state == expected)
                #expect(stored.stateSince == at)
            }

            // then the history has every step with who took it
            let history = try await ReferralQueries(store: f.store).steps(of: id)
            #expect(history.map(\.action) == ["create", "send", "acknowledge", "accept", "start", "record-outcome", "close"])
            #expect(history.last?.fromState == .outcomeRecorded && history.last?.toState == .closed)
            #expect(history[5].outcome == .goalsMet && history[5].words == "Kept to the order and stayed in college")
            #expect(history[3].userID == f.yotWorker.id)
            #expect(stored.toUserID == f.yotWorker.id && stored.outcome == .goalsMet)
            #expect(stored.reminderDue == nil, "a closed referral has no timer")
            // every change audited, with codes and ids only
            let updates = try await f.audits(.update, "referral").compactMap { $0 }
            #expect(updates.count == 6)
            #expect(updates[4].contains("action=record-outcome") && updates[4].contains("outcome=goals-met") && updates[4].contains("words-characters=39"))
            #expect(!updates.joined().contains("college"), "no words in the audit trail")
            // the adviser told of the four changes the YOT worker made, not of their own
            #expect(try await ReferralQueries(store: f.store).notices(for: adviser.user.id, since: Self.now) == [id, id, id, id])
            let mails = try await f.store.sql.select().columns("recipient", "subject", "body", "status", "staff_user_id").from("outbox_message")
                .orderBy("id").all()
            #expect(mails.count == 4)
            #expect(try mails.map { try $0.decode(column: "status", as: String.self) } == ["queued", "queued", "queued", "queued"])
            #expect(try mails.map { try $0.decode(column: "recipient", as: String.self) }.allSatisfy { $0 == adviser.user.email })
            #expect(try mails.map { try $0.decode(column: "staff_user_id", as: Int64?.self) }.allSatisfy { $0 == adviser.user.id })
            #expect(try mails[1].decode(column: "subject", as: String.self) == "Waymark: referral \(id) – accepted")
            #expect(try !mails.map { try $0.decode(column: "body", as: String.self) }.joined().contains("Amara"), "the e-mail does not name the young person")
        }
    }

    @Test(arguments: TestDatabases.engines)
    func acceptingPutsTheServiceOnTheKnownToRegisterAndClosingTakesItOff(_ engine: DatabaseEngine) async throws {
        try await ReferralFixture.run(engine) { f in
            let id = try await f.sentReferral()
            try await f.desk.act(.acknowledge, on: id, for: f.yot, at: Self.now)
            #expect(try await KnownToQueries(store: f.store).involvements(of: f.person).isEmpty, "received is not yet involved")
            try await f.desk.act(.accept, on: id, for: f.yot, at: Self.now)
            let open = try await KnownToQueries(store: f.store).involvements(of: f.person)
            #expect(open.count == 1 && open[0].organisationID == f.youthJustice && open[0].workerUserID == f.yotWorker.id && open[0].isOpen)
            #expect(open[0].referralID == id && open[0].workerRole == "Youth justice service worker")
            try await f.desk.act(.start, on: id, for: f.yot, at: Self.now)
            try await f.desk.act(.recordOutcome(.goalsPartlyMet, try f.reason()), on: id, for: f.yot, at: Self.now)
            #expect(try await KnownToQueries(store: f.store).openCount(of: f.person) == 1, "still involved until it closes")
            let later = Self.now.addingTimeInterval(3 * 86_400)
            try await f.desk.act(.close, on: id, for: f.yot, at: later)
            let ended = try await KnownToQueries(store: f.store).involvements(of: f.person)
            #expect(ended.count == 1 && ended[0].to == CalendarDate.today(from: later))
            // reopened: involved again from that day
            try await f.desk.act(.reopen(try f.reason("Breached the order, work starts again")), on: id, for: try f.grant(.personalAdviser), at: later)
            #expect(try await KnownToQueries(store: f.store).openCount(of: f.person) == 1)
            #expect(try await ReferralQueries(store: f.store).referral(id)?.state == .active)
        }
    }

    @Test(arguments: TestDatabases.engines)
    func theReceiverDeclinesWithAReasonAndTheSenderIsTold(_ engine: DatabaseEngine) async throws {
        try await ReferralFixture.run(engine) { f in
            let id = try await f.sentReferral()
            try await f.desk.act(.acknowledge, on: id, for: f.yot, at: Self.now)
            await #expect(throws: Refusal.invalid(ReferralRefusal.declineNeedsWords.description)) {
                try await f.desk.act(.decline(.other, nil), on: id, for: f.yot, at: Self.now)
            }
            let declined = try await f.desk.act(.decline(.noCapacity, nil), on: id, for: f.yot, at: Self.now)
            #expect(declined.state == .declined && declined.reminderDue == nil)
            #expect(try await ReferralQueries(store: f.store).steps(of: id).last?.declineReason == .noCapacity)
            #expect(try await KnownToQueries(store: f.store).involvements(of: f.person).isEmpty)
            #expect(try await ReferralQueries(store: f.store).notices(for: try f.grant(.personalAdviser).user.id, since: Self.now).count == 2)
        }
    }

    @Test(arguments: TestDatabases.engines)
    func theSenderWithdrawsAndTheReceiverHandsBackEndingTheInvolvement(_ engine: DatabaseEngine) async throws {
        try await ReferralFixture.run(engine) { f in
            let adviser = try f.grant(.personalAdviser)
            let first = try await f.sentReferral()
            let withdrawn = try await f.desk.act(.withdraw(try f.reason("Moved out of the area on Friday")), on: first, for: adviser, at: Self.now)
            #expect(withdrawn.state == .withdrawn)
            #expect(try await ReferralQueries(store: f.store).notices(for: adviser.user.id, since: Self.now).isEmpty, "their own change")

            let second = try await f.sentReferral()
            for action in [ReferralAction.acknowledge, .accept, .start] { try await f.desk.act(action, on: second, for: f.yot, at: Self.now) }
            let handedBack = try await f.desk.act(.handBack(try f.reason("Order ended; no further work for us")), on: second, for: f.yot, at: Self.now)
            #expect(handedBack.state == .handedBack)
            #expect(try await KnownToQueries(store: f.store).openCount(of: f.person) == 0)
            #expect(try await ReferralQueries(store: f.store).steps(of: second).last?.words == "Order ended; no further work for us")
        }
    }
}
