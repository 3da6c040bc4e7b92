import Foundation
import HummingbirdBcrypt
import NIOPosix

/// Runs bcrypt on a few threads of its own. bcrypt is slow on purpose; on
/// Swift's cooperative pool a handful of sign-ins a second would stall every
/// other request. Checking a password (what strangers can ask for) meets a
/// bounded queue: when it is full the caller is told ``PasswordHasherBusy``
/// at once instead of waiting behind a flood. Setting one (administrators,
/// the command line, the demo loader: never a stranger) waits its turn.
public final class PasswordHasher: Sendable {
    /// Shared by the server and the command line; its threads live as long as the process.
    public static let shared = PasswordHasher(threads: 2, queueLimit: 32)

    private let pool: NIOThreadPool
    private let capacity: Int
    private let inFlight = InFlightCounter()

    /// `queueLimit` jobs may wait beyond the `threads` that are running.
    public init(threads: Int, queueLimit: Int) {
        pool = NIOThreadPool(numberOfThreads: threads)
        pool.start()
        capacity = threads + queueLimit
    }

    public func hash(_ password: String, cost: UInt8) async throws -> String {
        try await run(whenFull: .wait) { Bcrypt.hash(password, cost: cost) }
    }

    /// Verifies against a dummy hash when there is no account, so an unknown
    /// e-mail address takes as long to refuse as a wrong password.
    public func verify(_ password: String, hash: String?) async throws -> Bool {
        // No account, or one with no password yet (invited): the same bcrypt work as a real check, so timing tells nothing.
        guard let hash, hash.hasPrefix("$2") else {
            _ = try await run { Bcrypt.verify(password, hash: Self.dummyHash) }
            return false
        }
        return try await run { Bcrypt.verify(password, hash: hash) }
    }

    /// What to do when the queue is full.
    public enum WhenFull: Sendable {
        case refuse, wait
    }

    /// Runs blocking work on the hasher's threads; when the queue is full,
    /// throws ``PasswordHasherBusy`` or queues anyway, as `whenFull` says.
    public func run<T: Sendable>(whenFull: WhenFull = .refuse, _ work: @escaping @Sendable () throws -> T) async throws -> T {
        guard inFlight.enter(limit: whenFull == .refuse ? capacity : .max) else { throw PasswordHasherBusy() }
        defer { inFlight.leave() }
        return try await pool.runIfActive(work)
    }

    public func shutdown() async throws {
        try await pool.shutdownGracefully()
    }

    static let dummyHash = "$2b$12$C6UzMDM.H6dfI/f/IKxGhuTNIEx3gsOCuSPwb3d1mvHnY5FEV62NS"
}

/// Thrown when too many password checks are already waiting: answer "busy, try again in a moment".
public struct PasswordHasherBusy: Error, Equatable {
    public init() {}
}

/// A count of jobs admitted and not yet finished.
private final class InFlightCounter: @unchecked Sendable {
    // Guarded by `lock`; a lock rather than an actor so admission is decided before any suspension.
    private var count = 0
    private let lock = NSLock()

    func enter(limit: Int) -> Bool {
        lock.withLock {
            guard count < limit else { return false }
            count += 1
            return true
        }
    }

    func leave() {
        lock.withLock { count -= 1 }
    }
}
