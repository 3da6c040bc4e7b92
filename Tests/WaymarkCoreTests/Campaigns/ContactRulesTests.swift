import Testing
import WaymarkCore

/// The contact rules: reasons never to contact come first, then caps, then quiet hours.
@Suite struct ContactRulesTests {
    let rules = ContactRules()
    let tuesdayNoon = LocalMoment(minuteOfDay: 12 * 60, weekday: 3)

    @Test func anOrdinaryTextAtMiddayGoes() {
        #expect(rules.decide(.sms, for: ContactFacts(), at: tuesdayNoon) == .send)
    }

    @Test func quietHoursHoldTextsCallsAndVisitsButNotLettersOrEmail() {
        let late = LocalMoment(minuteOfDay: 21 * 60, weekday: 3)
        let early = LocalMoment(minuteOfDay: 8 * 60 + 59, weekday: 3)
        let opening = LocalMoment(minuteOfDay: 9 * 60, weekday: 3)
        for channel in [ContactChannel.sms, .phone, .visit] {
            #expect(rules.decide(channel, for: ContactFacts(), at: late) == .wait("quiet hours"))
            #expect(rules.decide(channel, for: ContactFacts(), at: early) == .wait("quiet hours"))
            #expect(rules.decide(channel, for: ContactFacts(), at: opening) == .send, "quiet hours end at 09:00 exactly")
        }
        #expect(rules.decide(.letter, for: ContactFacts(), at: late) == .send)
        #expect(rules.decide(.email, for: ContactFacts(), at: late) == .send)
    }

    @Test func sundaysAreQuietAllDayUnlessTheAuthorityAllowsThem() {
        let sundayNoon = LocalMoment(minuteOfDay: 12 * 60, weekday: 1)
        #expect(rules.decide(.sms, for: ContactFacts(), at: sundayNoon) == .wait("quiet hours"))
        var policy = ContactRulesPolicy()
        policy.quietOnSundays = false
        #expect(ContactRules(policy: policy).decide(.sms, for: ContactFacts(), at: sundayNoon) == .send)
    }

    @Test func aQuietWindowWithinOneDayWorksToo() {
        var policy = ContactRulesPolicy()
        policy.quietStart = 12 * 60
        policy.quietEnd = 14 * 60
        let custom = ContactRules(policy: policy)
        #expect(custom.isQuiet(LocalMoment(minuteOfDay: 13 * 60, weekday: 3)))
        #expect(!custom.isQuiet(LocalMoment(minuteOfDay: 21 * 60, weekday: 3)))
    }

    @Test func theCapCountsOnlyAttemptsWithinThePeriodAndOnlyOnThatChannel() {
        let three = ContactFacts(attemptAges: [.sms: [1, 5, 20]])
        #expect(rules.decide(.sms, for: three, at: tuesdayNoon) == .skip("3 attempts by text message in 28 days already"))
        #expect(rules.decide(.email, for: three, at: tuesdayNoon) == .send, "another channel has its own cap")
        let old = ContactFacts(attemptAges: [.sms: [1, 5, 28]])
        #expect(rules.decide(.sms, for: old, at: tuesdayNoon) == .send, "an attempt 28 days ago has left the period")
    }

    @Test func optOutsFlagsAndResolvedPeopleAreNeverContactedEvenInQuietHours() {
        let late = LocalMoment(minuteOfDay: 23 * 60, weekday: 3)
        #expect(rules.decide(.sms, for: ContactFacts(optedOut: [.sms]), at: tuesdayNoon) == .skip("opted out of text message"))
        #expect(rules.decide(.email, for: ContactFacts(optedOut: [.sms]), at: tuesdayNoon) == .send)
        #expect(rules.decide(.sms, for: ContactFacts(doNotContact: true), at: late) == .skip("the record says not to contact"))
        #expect(rules.decide(.letter, for: ContactFacts(resolved: true), at: tuesdayNoon) == .skip("already resolved"))
        #expect(rules.decide(.email, for: ContactFacts(reachable: [.sms]), at: tuesdayNoon) == .skip("no e-mail address on record"))
    }
}
