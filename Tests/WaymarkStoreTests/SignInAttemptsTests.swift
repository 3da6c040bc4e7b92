import Foundation
import SQLKit
import Testing
import WaymarkCore
import WaymarkStore
import WaymarkTestSupport

/// The throttle's check and record are one step on both engines: parallel
/// attempts cannot all see "under the limit".
@Suite struct SignInAttemptsTests {
    let now = Date(timeIntervalSince1970: 1_795_000_000)

    @Test(arguments: TestDatabases.engines)
    func parallelAttemptsAreAdmittedOnlyUpToTheLimit(engine: DatabaseEngine) async throws {
        try await TestDatabases.withFreshStore(engine) { store in
            let attempts = SignInAttempts(store: store, policy: .standard)
            // One more than the free failures is enough to race the check against the record; twelve
            // queued so long on the one SQLite writer under the whole suite's load that the last one's
            // 30 s wait for a connection ran out.
            let tries = SignInThrottlePolicy.standard.perAccount.freeFailures + 1
            // when more attempts at one account than it may fail arrive at once from as many addresses
            let admissions = try await withThrowingTaskGroup(of: SignInAdmission.self) { group in
                for index in 0..<tries {
                    group.addTask { try await attempts.admit(email: "Target@Northmere.example", clientAddress: "10.0.0.\(index)", now: now) }
                }
                return try await group.reduce(into: [SignInAdmission]()) { $0.append($1) }
            }
            // then only the free failures are admitted, and each admitted one is already counted
            let admitted = admissions.filter { if case .admitted = $0 { true } else { false } }
            #expect(admitted.count == SignInThrottlePolicy.standard.perAccount.freeFailures)
            #expect(try await attempts.failures(email: "target@northmere.example", since: now.addingTimeInterval(-60)) == admitted.count)
        }
    }

    @Test(arguments: TestDatabases.engines)
    func aSuccessNoLongerCountsAndAWithdrawnAttemptIsForgotten(engine: DatabaseEngine) async throws {
        try await TestDatabases.withFreshStore(engine) { store in
            let attempts = SignInAttempts(store: store, policy: .standard)
            guard case .admitted(let first) = try await attempts.admit(email: "a@northmere.example", clientAddress: "10.0.0.1", now: now),
                case .admitted(let second) = try await attempts.admit(email: "a@northmere.example", clientAddress: "10.0.0.1", now: now)
            else {
                Issue.record("two attempts under the limit must be admitted")
                return
            }
            #expect(try await attempts.failures(email: "a@northmere.example", since: now) == 2, "admitted attempts count until marked")
            try await attempts.recordOutcome(attemptID: first, succeeded: true, userID: nil, now: now)
            try await attempts.withdraw(attemptID: second)
            #expect(try await attempts.failures(email: "a@northmere.example", since: now) == 0)
        }
    }
}
