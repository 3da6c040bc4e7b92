import Foundation
import Testing
import WaymarkCore

/// The doubling wait: free failures cost nothing, each one after doubles the wait, up to a cap.
@Suite struct SignInThrottlePolicyTests {
    let limit = SignInThrottleLimit(freeFailures: 5, firstDelay: 60, maxDelay: 15 * 60)
    let latest = Date(timeIntervalSince1970: 1_795_000_000)

    @Test func theFreeFailuresImposeNoWait() {
        #expect(limit.delay(afterFailures: 4) == 0)
        #expect(limit.wait(failures: 4, latestFailure: latest, now: latest) == nil)
        #expect(limit.wait(failures: 0, latestFailure: nil, now: latest) == nil)
    }

    @Test func eachFurtherFailureDoublesTheWaitUpToTheCap() {
        #expect((5...10).map { limit.delay(afterFailures: $0) } == [60, 120, 240, 480, 900, 900])
        #expect(limit.delay(afterFailures: 10_000) == 900, "a long run of failures neither overflows nor passes the cap")
    }

    @Test func theWaitRunsFromTheLatestFailure() {
        #expect(limit.wait(failures: 6, latestFailure: latest, now: latest.addingTimeInterval(20)) == 100)
        #expect(limit.wait(failures: 6, latestFailure: latest, now: latest.addingTimeInterval(120)) == nil)
    }
}
