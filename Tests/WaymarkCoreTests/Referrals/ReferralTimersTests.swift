import Testing
import WaymarkCore

@Suite struct ReferralTimersTests {
    @Test func eachWaitingStateHasAReminderDayCountedFromWhenItWasEntered() {
        let timers = ReferralTimers.standard
        #expect(timers.reminderDue(in: .sent, since: d("2026-12-07")) == d("2026-12-10"))
        #expect(timers.reminderDue(in: .received, since: d("2026-12-07")) == d("2026-12-14"))
        #expect(timers.reminderDue(in: .accepted, since: d("2026-12-28")) == d("2027-01-11"))
        #expect(timers.reminderDue(in: .active, since: d("2026-12-07")) == d("2027-03-01"))
        #expect(timers.reminderDue(in: .draft, since: d("2026-12-07")) == d("2026-12-14"))
        #expect(timers.reminderDue(in: .outcomeRecorded, since: d("2026-12-07")) == d("2026-12-21"))
        for end in [ReferralState.declined, .closed, .withdrawn, .handedBack] {
            #expect(timers.reminderDue(in: end, since: d("2026-12-07")) == nil)
        }
    }

    @Test func aReminderIsDueOnItsDayAndAfterNotBefore() {
        let timers = ReferralTimers.standard
        #expect(!timers.isDue(in: .sent, since: d("2026-12-07"), on: d("2026-12-09")))
        #expect(timers.isDue(in: .sent, since: d("2026-12-07"), on: d("2026-12-10")))
        #expect(timers.isDue(in: .sent, since: d("2026-12-07"), on: d("2027-01-10")))
        #expect(!timers.isDue(in: .closed, since: d("2026-01-01"), on: d("2027-01-10")))
    }

    @Test func theReminderGoesToTheSideWaitedOn() {
        #expect(ReferralTimers.waitingOn(in: .draft) == .sender)
        #expect(ReferralTimers.waitingOn(in: .sent) == .receiver)
        #expect(ReferralTimers.waitingOn(in: .active) == .receiver)
        #expect(ReferralTimers.waitingOn(in: .outcomeRecorded) == .sender)
        #expect(ReferralTimers.waitingOn(in: .closed) == nil)
    }
}
