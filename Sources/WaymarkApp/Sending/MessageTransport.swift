import Foundation
public import WaymarkStore

/// A way of sending one outbox channel's messages (e-mail over SMTP, texts
/// through a gateway). The worker hands it a message already personalised.
public protocol MessageTransport: Sendable {
    /// The outbox channel it sends: "email", "sms".
    var channel: String { get }
    /// Whether sending the same message again (same idempotency key) after a
    /// crash mid-send can never reach the person twice. True for a gateway that
    /// honours idempotency keys; false for SMTP, where a repeat is a second e-mail.
    var canResendSafely: Bool { get }
    /// Sends `message` with its personalised subject and body; returns the
    /// provider's reference for delivery reports, if it gives one.
    /// Throws ``SendFailure``; any other error counts as transient.
    func send(_ message: OutboxMessage, subject: String?, body: String) async throws -> String?
}

/// Why a send did not go. Reasons are stored on the message and must never
/// hold the recipient, their name or the message: status codes and stages only.
public enum SendFailure: Error, Equatable, Sendable, CustomStringConvertible {
    /// May pass (server busy, time-out, 4xx): retried with back-off.
    case transient(String)
    /// Will not pass (mailbox unknown, invalid number, 5xx): failed for good.
    case permanent(String)
    /// The provider may or may not have taken it: a person decides.
    case uncertain(String)

    public var reason: String {
        switch self {
        case .transient(let reason), .permanent(let reason), .uncertain(let reason): reason
        }
    }

    public var description: String {
        switch self {
        case .transient(let reason): "transient: \(reason)"
        case .permanent(let reason): "permanent: \(reason)"
        case .uncertain(let reason): "uncertain: \(reason)"
        }
    }
}
