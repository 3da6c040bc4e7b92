public import Foundation
public import Logging
public import WaymarkStore

/// Sends what is in the outbox. Any number of workers, on any number of
/// servers, share the queue through leases in the database (see ``Outbox``).
/// Each turn: claims whose worker died are recovered (texts go again with
/// the same idempotency key; e-mails are held as uncertain), then every due
/// message of a configured channel is claimed, personalised, sent and marked.
///
/// Logs carry message ids, channels and attempt counts only: never a
/// recipient, a name or a message.
public struct OutboxWorker: Sendable {
    public typealias Personalise = @Sendable (OutboxMessage) async throws -> (subject: String?, body: String)

    /// Unique per process, so a lease names who holds it.
    public let name: String
    let outbox: Outbox
    let transports: [String: any MessageTransport]
    let policy: RetryPolicy
    let lease: TimeInterval
    let pollInterval: Duration
    let logger: Logger
    let personalise: Personalise

    public init(
        store: Store, transports: [any MessageTransport], name: String = OutboxWorker.uniqueName(), policy: RetryPolicy = RetryPolicy(),
        lease: TimeInterval = 300, pollInterval: Duration = .seconds(5), logger: Logger = Logger(label: "waymark.outbox"),
        personalise: @escaping Personalise = { ($0.subject, $0.body) }
    ) {
        self.name = name
        self.outbox = Outbox(store: store)
        self.transports = Dictionary(transports.map { ($0.channel, $0) }, uniquingKeysWith: { first, _ in first })
        self.policy = policy
        self.lease = lease
        self.pollInterval = pollInterval
        self.logger = logger
        self.personalise = personalise
    }

    /// Host, process and a random part: unique per process, even after a restart.
    public static func uniqueName() -> String {
        "\(ProcessInfo.processInfo.hostName)-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString.prefix(8).lowercased())"
    }

    /// What one turn did.
    public struct Counts: Sendable, Equatable {
        public var sent = 0
        /// Failed for a passing reason; queued again after the back-off.
        public var retrying = 0
        public var failed = 0
        public var uncertain = 0
        /// Claims of dead workers put back in the queue.
        public var requeued = 0
        /// Claims of dead workers held for a person (e-mails).
        public var heldUncertain = 0
        /// Sent, but the claim had been taken over before it could be marked.
        public var lost = 0

        public init() {}
    }

    /// Loops until the task is cancelled: a turn, then a pause.
    public func run() async {
        logger.info("outbox worker started", metadata: ["worker": "\(name)", "channels": "\(transports.keys.sorted().joined(separator: ","))"])
        while !Task.isCancelled {
            do {
                let counts = try await drain(clock: { Date() })
                if counts != Counts() { log(counts) }
            } catch {
                logger.error("outbox turn failed", metadata: ["error": "\(type(of: error))"])
            }
            do { try await Task.sleep(for: pollInterval) } catch { break }
        }
        logger.info("outbox worker stopped", metadata: ["worker": "\(name)"])
    }

    /// One turn at a fixed moment (tests pass their clock).
    @discardableResult
    public func drainOnce(now: Date) async throws -> Counts {
        try await drain(clock: { now })
    }

    private func drain(clock: @Sendable () -> Date) async throws -> Counts {
        var counts = Counts()
        let transports = self.transports
        // A claim may be another server's, on a channel this one does not send: texts are always safe to resend (the gateway keeps the key).
        let recovered = try await outbox.recoverExpiredClaims(now: clock(), canResendSafely: { transports[$0]?.canResendSafely ?? ($0 == "sms") })
        counts.requeued = recovered.requeued
        counts.heldUncertain = recovered.uncertain
        let channels = transports.keys.sorted()
        for _ in 0..<10_000 {
            guard !Task.isCancelled,
                  let message = try await outbox.claimNext(worker: name, now: clock(), lease: lease, channels: channels)
            else { break }
            try await send(message, counts: &counts, clock: clock)
        }
        return counts
    }

    private func send(_ message: OutboxMessage, counts: inout Counts, clock: @Sendable () -> Date) async throws {
        let metadata: Logger.Metadata = ["message": "\(message.id)", "channel": "\(message.channel)", "attempt": "\(message.attempts)"]
        let outcome: Result<String?, SendFailure>
        do {
            guard let transport = transports[message.channel] else { return }
            let content: (subject: String?, body: String)
            do {
                content = try await personalise(message)
            } catch {
                throw SendFailure.permanent("could not personalise (\(type(of: error)))")
            }
            outcome = .success(try await transport.send(message, subject: content.subject, body: content.body))
        } catch let failure as SendFailure {
            outcome = .failure(failure)
        } catch {
            outcome = .failure(.transient("\(type(of: error))"))
        }
        do {
            switch outcome {
            case .success(let reference):
                try await outbox.markSent(message.id, worker: name, providerReference: reference, now: clock())
                counts.sent += 1
                logger.info("outbox message sent", metadata: metadata)
            case .failure(.uncertain(let reason)):
                try await outbox.markUncertain(message.id, worker: name, reason: reason, now: clock())
                counts.uncertain += 1
                logger.warning("outbox message uncertain: a person must decide", metadata: metadata.merging(["reason": "\(reason)"]) { $1 })
            case .failure(let failure):
                let permanent = if case .permanent = failure { true } else { false }
                try await outbox.markFailed(message.id, worker: name, reason: failure.reason, permanent: permanent,
                                            attempts: message.attempts, policy: policy, now: clock())
                let gaveUp = permanent || message.attempts >= policy.maxAttempts
                if gaveUp { counts.failed += 1 } else { counts.retrying += 1 }
                logger.warning(gaveUp ? "outbox message failed" : "outbox message will be retried",
                               metadata: metadata.merging(["reason": "\(failure.reason)"]) { $1 })
            }
        } catch let error as OutboxError {
            counts.lost += 1
            logger.error("outbox message claim lost before it could be marked", metadata: metadata.merging(["error": "\(error)"]) { $1 })
        }
    }

    private func log(_ counts: Counts) {
        logger.info("outbox turn", metadata: [
            "sent": "\(counts.sent)", "retrying": "\(counts.retrying)", "failed": "\(counts.failed)", "uncertain": "\(counts.uncertain)",
            "requeued": "\(counts.requeued)", "heldUncertain": "\(counts.heldUncertain)", "lost": "\(counts.lost)",
        ])
    }
}
