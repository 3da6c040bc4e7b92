public import Foundation
import SQLKit
import WaymarkCore
import WaymarkRecords

/// The workers' side of the outbox. Claims are leases written to the
/// database, so any number of workers on any number of servers can share the
/// queue: a message is claimed by one worker at a time, and a worker that
/// dies leaves a lease that expires.
///
/// Each attempt that ends is a contact on the person's record: "sent" when the
/// provider took the message, "could not be sent" when it failed for good,
/// "not delivered" when the provider later reports it undelivered, and an
/// inbound "replied" contact when the person texts back.
public struct Outbox: Sendable {
    let store: Store

    public init(store: Store) {
        self.store = store
    }

    /// Claims the next due message for `worker` until `now + lease`, or nil when none is due.
    /// `channels` limits the claim to channels this worker can send (nil: any).
    public func claimNext(worker: String, now: Date, lease: TimeInterval, channels: [String]? = nil) async throws -> OutboxMessage? {
        if let channels, channels.isEmpty { return nil }
        let nowText = Timestamp.format(now)
        // PostgreSQL skips rows another worker has locked; SQLite has one writer, so the update is already exclusive.
        let lock = store.database.engine == .postgres ? " FOR UPDATE SKIP LOCKED" : ""
        return try await store.database.transaction { db in
            let channelFilter: SQLQueryString = channels.map { list in
                " AND channel IN (" + list.map { "\(bind: $0)" as SQLQueryString }.joined(separator: ", ") + ")"
            } ?? ""
            return try await db.raw("""
                UPDATE outbox_message SET status = 'sending', claimed_by = \(bind: worker),
                  claim_expires_at = \(bind: Timestamp.format(now.addingTimeInterval(lease))), attempts = attempts + 1
                WHERE status = 'queued' AND id = (
                  SELECT id FROM outbox_message WHERE status = 'queued' AND next_attempt_at <= \(bind: nowText)\(channelFilter)
                  ORDER BY next_attempt_at, id LIMIT 1\(unsafeRaw: lock))
                RETURNING *
                """).first().map(OutboxMessage.decode)
        }
    }

    /// Records a delivery to the provider, and an outbound contact on the person's record, in one transaction.
    /// Only the worker holding the claim may.
    public func markSent(_ id: Int64, worker: String, providerReference: String?, now: Date) async throws {
        try await finish(id, worker: worker, now: now, set: [("status", OutboxStatus.sent.rawValue), ("sent_at", Timestamp.format(now)),
                                                             ("provider_reference", providerReference), ("last_error", nil)],
                         audit: "sent", contactOutcome: "sent")
    }

    /// Records a failed attempt: retried later with back-off when the reason may pass, failed for good otherwise or after the last attempt.
    /// A message failed for good is an outbound contact "could not be sent" on the person's record.
    /// `reason` is stored on the message (never logged); it must not be needed to read a person's details.
    public func markFailed(_ id: Int64, worker: String, reason: String, permanent: Bool, attempts: Int, policy: RetryPolicy, now: Date) async throws {
        let giveUp = permanent || attempts >= policy.maxAttempts
        let next = Timestamp.format(now.addingTimeInterval(policy.delay(afterAttempt: attempts)))
        try await finish(
            id, worker: worker, now: now,
            set: [("status", giveUp ? OutboxStatus.failed.rawValue : OutboxStatus.queued.rawValue), ("next_attempt_at", next),
                  ("last_error", String(reason.prefix(500)))],
            audit: giveUp ? "failed" : "retry", contactOutcome: giveUp ? "could not be sent" : nil)
    }

    /// The worker cannot tell whether the provider took the message (an e-mail
    /// server went silent after the whole message was handed over): a person decides.
    public func markUncertain(_ id: Int64, worker: String, reason: String, now: Date) async throws {
        try await finish(id, worker: worker, now: now,
                         set: [("status", OutboxStatus.uncertain.rawValue), ("last_error", String(reason.prefix(500)))],
                         audit: "uncertain", contactOutcome: nil)
    }

    /// After a crash: claims whose lease has run out go back to the queue when
    /// the channel can send the same idempotency key again safely, and are
    /// marked uncertain (for a person to decide) when it cannot.
    public func recoverExpiredClaims(now: Date, canResendSafely: @escaping @Sendable (String) -> Bool) async throws -> (requeued: Int, uncertain: Int) {
        try await store.change(by: .system("outbox"), at: now) { tx in
            let expired = try await tx.db.select().columns("id", "person_id", "channel").from("outbox_message")
                .where("status", .equal, OutboxStatus.sending.rawValue)
                .where("claim_expires_at", .lessThan, Timestamp.format(now))
                .all()
            var counts = (requeued: 0, uncertain: 0)
            for row in expired {
                let id = try row.decode(column: "id", as: Int64.self)
                let safe = canResendSafely(try row.decode(column: "channel", as: String.self))
                // The lease is checked again on the row itself: on PostgreSQL another worker may have recovered and
                // claimed it afresh since the read above, and that live claim must not be taken from under it.
                let recovered = try await tx.db.update("outbox_message")
                    .set("status", to: safe ? OutboxStatus.queued.rawValue : OutboxStatus.uncertain.rawValue)
                    .set("claimed_by", to: SQLLiteral.null).set("claim_expires_at", to: SQLLiteral.null)
                    .where("id", .equal, id).where("status", .equal, OutboxStatus.sending.rawValue)
                    .where("claim_expires_at", .lessThan, Timestamp.format(now))
                    .returning("id").all()
                guard !recovered.isEmpty else { continue }
                try await tx.audit(.update, entity: "outbox_message", entityID: id, personID: try row.decode(column: "person_id", as: Int64.self),
                                   detail: safe ? "claim-expired-requeued" : "claim-expired-uncertain")
                if safe { counts.requeued += 1 } else { counts.uncertain += 1 }
            }
            return counts
        }
    }

    /// A delivery report from the provider, matched by its reference; nil (nothing stored) when no message has it.
    /// A message reported undelivered becomes an outbound contact "not delivered" (once, however often the report comes).
    public func recordDeliveryReport(providerReference: String, delivered: Bool, detail: String?, now: Date) async throws -> Int64? {
        try await store.change(by: .system("gateway"), at: now) { tx in
            guard let row = try await tx.db.select().columns("id", "person_id", "channel", "campaign_id", "status").from("outbox_message")
                .where("provider_reference", .equal, providerReference).first()
            else { return nil }
            let id = try row.decode(column: "id", as: Int64.self)
            let personID = try row.decode(column: "person_id", as: Int64.self)
            let wasFailed = try row.decode(column: "status", as: String.self) == OutboxStatus.failed.rawValue
            try await tx.db.update("outbox_message")
                .set("status", to: delivered ? OutboxStatus.delivered.rawValue : OutboxStatus.failed.rawValue)
                .set("last_error", to: SQLBind(delivered ? nil : String((detail ?? "not delivered").prefix(500))))
                .where("id", .equal, id).run()
            try await tx.audit(.update, entity: "outbox_message", entityID: id, personID: personID, detail: delivered ? "delivered" : "undelivered")
            if !delivered && !wasFailed {
                try await Self.recordAttempt(tx, personID: personID, channel: try row.decode(column: "channel", as: String.self),
                                             campaignID: try row.decode(column: "campaign_id", as: Int64?.self), outcome: "not delivered")
            }
            return id
        }
    }

    /// A text from a person: matched to them by the most recent text sent to
    /// that number, and recorded as an inbound contact "replied" with the text
    /// (first 1,000 characters) as its summary. Returns the person's id, or
    /// nil, storing nothing, when no text was sent to the number. A reply the
    /// gateway posts twice (same `providerReference`) is recorded once.
    public func recordInboundReply(from phone: String, text: String, providerReference: String?, now: Date) async throws -> Int64? {
        let candidates = PhoneNumberMatch.candidates(phone)
        guard !candidates.isEmpty else { return nil }
        return try await store.change(by: .system("gateway"), at: now) { tx -> Int64? in
            let spaceless = SQLFunction("REPLACE", args: SQLColumn("recipient"), SQLLiteral.string(" "), SQLLiteral.string(""))
            guard let row = try await tx.db.select().columns("id", "person_id", "campaign_id").from("outbox_message")
                .where("channel", .equal, "sms")
                .where(SQLColumn("status"), .in, SQLBind.group([OutboxStatus.sent.rawValue, OutboxStatus.delivered.rawValue]))
                .where(spaceless, .in, SQLBind.group(candidates))
                .orderBy("sent_at", .descending).orderBy("id", .descending)
                .first()
            else { return nil }
            let messageID = try row.decode(column: "id", as: Int64.self)
            let personID = try row.decode(column: "person_id", as: Int64.self)
            let marker = providerReference.map { "reply " + String($0.prefix(200)) } ?? "reply"
            if providerReference != nil {
                let seen = try await tx.db.select().column("id").from("audit_event")
                    .where("entity", .equal, "outbox_message").where("entity_id", .equal, messageID).where("detail", .equal, marker)
                    .first()
                if seen != nil { return personID }
            }
            try await tx.recordContact(
                NewContact(occurredAt: now, method: .sms, direction: .inbound, outcome: "replied", summary: String(text.prefix(1_000))),
                for: personID)
            try await tx.audit(.update, entity: "outbox_message", entityID: messageID, personID: personID, detail: marker)
            // A reply answers the campaign that sent the text, for its report.
            if let member = try await tx.db.select().column("id").from("campaign_member").where("outbox_message_id", .equal, messageID).first() {
                try await tx.markResponded(memberID: try member.decode(column: "id", as: Int64.self))
            }
            if InboundReply.isOptOut(text) {
                try await tx.setOptOut(true, channel: .sms, for: personID, from: try CalendarDate(iso: String(Timestamp.format(now).prefix(10))))
            }
            return personID
        }
    }

    /// Every message of a campaign, for its report: who, how, where it got to and when it went.
    public func campaignMessages(_ campaignID: Int64) async throws -> [CampaignMessage] {
        try await store.sql.select().columns("id", "person_id", "channel", "status", "sent_at").from("outbox_message")
            .where("campaign_id", .equal, campaignID).orderBy("id")
            .all()
            .map { row in
                let statusText = try row.decode(column: "status", as: String.self)
                guard let status = OutboxStatus(rawValue: statusText) else {
                    throw StoreError.invalidStoredValue(table: "outbox_message", column: "status", value: statusText)
                }
                return CampaignMessage(
                    messageID: try row.decode(column: "id", as: Int64.self), personID: try row.decode(column: "person_id", as: Int64.self),
                    channel: try row.decode(column: "channel", as: String.self), status: status,
                    sentAt: try row.decode(column: "sent_at", as: String?.self).flatMap(Timestamp.parse))
            }
    }

    public func message(_ id: Int64) async throws -> OutboxMessage? {
        try await store.sql.select().column("*").from("outbox_message").where("id", .equal, id).first().map(OutboxMessage.decode)
    }

    private func finish(_ id: Int64, worker: String, now: Date, set values: [(String, String?)], audit detail: String, contactOutcome: String?) async throws {
        try await store.change(by: .system("outbox"), at: now) { tx in
            guard let row = try await tx.db.select().columns("person_id", "channel", "campaign_id", "staff_user_id").from("outbox_message")
                .where("id", .equal, id).where("status", .equal, OutboxStatus.sending.rawValue).where("claimed_by", .equal, worker).first()
            else { throw OutboxError.notClaimed(id: id, worker: worker) }
            let personID = try row.decode(column: "person_id", as: Int64.self)
            var update = tx.db.update("outbox_message")
            for (column, value) in values { update = update.set(column, to: SQLBind(value)) }
            try await update.set("claimed_by", to: SQLLiteral.null).set("claim_expires_at", to: SQLLiteral.null).where("id", .equal, id).run()
            try await tx.audit(.update, entity: "outbox_message", entityID: id, personID: personID, detail: detail)
            // A message to a worker about the young person (a referral's news) is not a contact with them.
            let toStaff = try row.decode(column: "staff_user_id", as: Int64?.self) != nil
            if let contactOutcome, !toStaff {
                try await Self.recordAttempt(tx, personID: personID, channel: try row.decode(column: "channel", as: String.self),
                                             campaignID: try row.decode(column: "campaign_id", as: Int64?.self), outcome: contactOutcome)
            }
        }
    }

    /// An outbound contact for one attempt; the summary names the campaign, never the message.
    private static func recordAttempt(_ tx: ChangeTransaction, personID: Int64, channel: String, campaignID: Int64?, outcome: String) async throws {
        let method = NewContact.Method(rawValue: channel) ?? .letter
        try await tx.recordContact(
            NewContact(occurredAt: tx.now, method: method, direction: .outbound, outcome: outcome, summary: campaignID.map { "campaign \($0)" }),
            for: personID)
    }
}

/// One message in a campaign's report.
public struct CampaignMessage: Sendable, Equatable {
    public let messageID: Int64
    public let personID: Int64
    public let channel: String
    public let status: OutboxStatus
    /// When the provider took it; nil while queued or when it never went.
    public let sentAt: Date?
}

/// The spellings a UK mobile number may be stored or reported under:
/// "07700 900123", "+447700900123" and "447700900123" are the same phone.
enum PhoneNumberMatch {
    static func candidates(_ phone: String) -> [String] {
        let trimmed = phone.trimmingCharacters(in: .whitespacesAndNewlines).replacingOccurrences(of: " ", with: "")
        let digits = trimmed.filter(\.isASCII).filter(\.isNumber)
        guard digits.count >= 6, digits.count <= 15 else { return [] }
        var national: String?
        if digits.hasPrefix("44") { national = "0" + digits.dropFirst(2) } else if digits.hasPrefix("0") { national = digits }
        var all = [trimmed, digits]
        if let national {
            let rest = national.dropFirst()
            all += [national, "+44" + rest, "44" + rest]
        }
        var seen = Set<String>()
        return all.filter { seen.insert($0).inserted }
    }
}

/// A worker tried to finish a message it does not hold (its lease ran out and another took it).
public enum OutboxError: Error, Equatable, CustomStringConvertible {
    case notClaimed(id: Int64, worker: String)

    public var description: String {
        switch self {
        case .notClaimed(let id, let worker): "outbox message \(id) is not claimed by \(worker)"
        }
    }
}

/// What a reply asks for. "STOP" (the word texters know) opts the young person out of texts.
enum InboundReply {
    static let optOutWords: Set<String> = ["STOP", "STOPALL", "UNSUBSCRIBE", "END", "QUIT", "CANCEL"]

    static func isOptOut(_ text: String) -> Bool {
        optOutWords.contains(text.uppercased().filter { $0.isLetter })
    }
}
