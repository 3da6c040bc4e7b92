public import Foundation

/// How many failed sign-ins a key (an account's e-mail, or a client address)
/// may have before each further attempt must wait, and how long. Delays grow
/// rather than lock: whoever sprays an account can hold it for at most one
/// delay after their latest failure, never for good (docs/POLICIES.md).
public struct SignInThrottleLimit: Sendable, Equatable {
    /// Failures within the window that cost nothing.
    public let freeFailures: Int
    /// The wait after the first failure beyond the free ones; it doubles with each further failure.
    public let firstDelay: TimeInterval
    public let maxDelay: TimeInterval

    public init(freeFailures: Int, firstDelay: TimeInterval, maxDelay: TimeInterval) {
        self.freeFailures = freeFailures
        self.firstDelay = firstDelay
        self.maxDelay = maxDelay
    }

    /// The wait that `failures` failures within the window impose after the latest of them.
    public func delay(afterFailures failures: Int) -> TimeInterval {
        guard failures >= freeFailures else { return 0 }
        // Capped before doubling so a long run of failures cannot overflow.
        let doublings = min(failures - freeFailures, 32)
        return min(firstDelay * pow(2, Double(doublings)), maxDelay)
    }

    /// Seconds left to wait at `now`, or nil when an attempt may go ahead.
    public func wait(failures: Int, latestFailure: Date?, now: Date) -> TimeInterval? {
        guard let latestFailure else { return nil }
        let remaining = latestFailure.addingTimeInterval(delay(afterFailures: failures)).timeIntervalSince(now)
        return remaining > 0 ? remaining : nil
    }
}

/// The sign-in throttle: one limit per account e-mail, a looser one per
/// client address (an office behind one address has many staff), and the
/// window a failure counts for.
public struct SignInThrottlePolicy: Sendable, Equatable {
    public let window: TimeInterval
    public let perAccount: SignInThrottleLimit
    public let perClient: SignInThrottleLimit

    public init(window: TimeInterval, perAccount: SignInThrottleLimit, perClient: SignInThrottleLimit) {
        self.window = window
        self.perAccount = perAccount
        self.perClient = perClient
    }

    public static let standard = SignInThrottlePolicy(
        window: 15 * 60,
        perAccount: SignInThrottleLimit(freeFailures: 5, firstDelay: 60, maxDelay: 15 * 60),
        perClient: SignInThrottleLimit(freeFailures: 20, firstDelay: 60, maxDelay: 15 * 60))

    /// The longest e-mail address anyone can have (RFC 5321's path limit less its brackets).
    public static let maxEmailLength = 254
    /// bcrypt reads only 72 bytes; more than this is not a password but a payload.
    public static let maxPasswordBytes = 1_024
}
