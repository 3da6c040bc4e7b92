public import Foundation
import SQLKit
import WaymarkRecords

/// Where a message is in its life. `sending` is claimed by a worker;
/// `uncertain` means a worker stopped mid-send on a channel that cannot
/// tell a repeat from a first send (e-mail), so a person decides.
public enum OutboxStatus: String, CaseIterable, Sendable {
    case queued, sending, sent, delivered, failed, uncertain
}

/// A message waiting in, or gone from, the outbox.
public struct OutboxMessage: Sendable, Equatable, Identifiable {
    public let id: Int64
    public let personID: Int64
    public let campaignID: Int64?
    public let channel: String
    public let recipient: String
    public let subject: String?
    public let body: String
    /// Sent with every attempt so a gateway that honours it never delivers twice.
    public let idempotencyKey: String
    public let status: OutboxStatus
    public let attempts: Int
    public let providerReference: String?
    public let lastError: String?

    public init(id: Int64, personID: Int64, campaignID: Int64?, channel: String, recipient: String, subject: String?, body: String,
                idempotencyKey: String, status: OutboxStatus, attempts: Int, providerReference: String?, lastError: String?) {
        self.id = id
        self.personID = personID
        self.campaignID = campaignID
        self.channel = channel
        self.recipient = recipient
        self.subject = subject
        self.body = body
        self.idempotencyKey = idempotencyKey
        self.status = status
        self.attempts = attempts
        self.providerReference = providerReference
        self.lastError = lastError
    }

    static func decode(_ row: any SQLRow) throws -> OutboxMessage {
        let statusText = try row.decode(column: "status", as: String.self)
        guard let status = OutboxStatus(rawValue: statusText) else {
            throw StoreError.invalidStoredValue(table: "outbox_message", column: "status", value: statusText)
        }
        return OutboxMessage(
            id: try row.decode(column: "id", as: Int64.self), personID: try row.decode(column: "person_id", as: Int64.self),
            campaignID: try row.decode(column: "campaign_id", as: Int64?.self), channel: try row.decode(column: "channel", as: String.self),
            recipient: try row.decode(column: "recipient", as: String.self), subject: try row.decode(column: "subject", as: String?.self),
            body: try row.decode(column: "body", as: String.self), idempotencyKey: try row.decode(column: "idempotency_key", as: String.self),
            status: status, attempts: try row.decode(column: "attempts", as: Int.self),
            providerReference: try row.decode(column: "provider_reference", as: String?.self),
            lastError: try row.decode(column: "last_error", as: String?.self))
    }
}

/// A message to queue.
public struct NewOutboxMessage: Sendable, Equatable {
    public var campaignID: Int64?
    public var channel: String
    public var recipient: String
    public var subject: String?
    public var body: String
    /// Not sent before this moment (quiet hours end, for one).
    public var notBefore: Date
    /// The worker it goes to when it is not to the young person: no contact is recorded on the record when it goes.
    public var staffUserID: Int64?

    public init(campaignID: Int64?, channel: String, recipient: String, subject: String?, body: String, notBefore: Date, staffUserID: Int64? = nil) {
        self.staffUserID = staffUserID
        self.campaignID = campaignID
        self.channel = channel
        self.recipient = recipient
        self.subject = subject
        self.body = body
        self.notBefore = notBefore
    }
}

/// How often and how long to retry a message that failed for a passing reason.
public struct RetryPolicy: Sendable, Equatable {
    /// Seconds to wait after the 1st, 2nd, … failed attempt; the last repeats.
    public var delays: [TimeInterval] = [60, 300, 1_800, 7_200]
    public var maxAttempts = 5

    public init() {}

    public func delay(afterAttempt attempt: Int) -> TimeInterval {
        delays[min(max(attempt, 1), delays.count) - 1]
    }
}

extension ChangeTransaction {
    /// Queues a message for the workers, in the same transaction as whatever decided to send it.
    @discardableResult
    public func enqueue(_ message: NewOutboxMessage, for personID: Int64) async throws -> Int64 {
        let id = try await insertReturningID(
            into: "outbox_message",
            [("person_id", personID), ("campaign_id", message.campaignID), ("channel", message.channel), ("recipient", message.recipient),
             ("subject", message.subject), ("body", message.body), ("idempotency_key", "waymark-" + UUID().uuidString.lowercased()),
             ("status", OutboxStatus.queued.rawValue), ("attempts", 0), ("next_attempt_at", Timestamp.format(message.notBefore)),
             ("staff_user_id", message.staffUserID)])
        try await audit(.create, entity: "outbox_message", entityID: id, personID: personID, detail: message.channel)
        return id
    }
}
