import Testing
import WaymarkCore

struct CohortPolicyTests {
    let policy = CohortPolicy.standard
    let today = d("2026-11-25")  // academic year 2026/27: age reference day 2026-08-31

    @Test func membershipAtTheEdgesOfEachBand() {
        // born 2010-09-01 → academic age 15 (Year 11); 2010-08-31 → 16
        #expect(policy.membership(dateOfBirth: d("2011-09-01"), hasSEND: false, on: today) == .notCovered(.tooYoung))
        #expect(policy.membership(dateOfBirth: d("2010-09-01"), hasSEND: false, on: today) == .year11)
        #expect(policy.membership(dateOfBirth: d("2010-08-31"), hasSEND: false, on: today) == .core(academicAge: 16))
        #expect(policy.membership(dateOfBirth: d("2008-09-01"), hasSEND: false, on: today) == .core(academicAge: 17))
        #expect(policy.membership(dateOfBirth: d("2008-08-31"), hasSEND: false, on: today) == .notCovered(.olderWithoutSEND))
        #expect(policy.membership(dateOfBirth: d("2008-08-31"), hasSEND: true, on: today) == .send(academicAge: 18))
        #expect(policy.membership(dateOfBirth: d("2001-09-01"), hasSEND: true, on: today) == .send(academicAge: 24))
        #expect(policy.membership(dateOfBirth: d("2001-08-31"), hasSEND: true, on: today) == .notCovered(.tooOld))
    }

    @Test func anOlderCoverageRuleIsConfigurationNotCode() {
        let older = CohortPolicy(coreAges: 16...19, sendAges: 20...24)
        #expect(older.membership(dateOfBirth: d("2006-09-01"), hasSEND: false, on: today) == .core(academicAge: 19))
        #expect(policy.membership(dateOfBirth: d("2006-09-01"), hasSEND: false, on: today).isTracked == false)
    }
}
