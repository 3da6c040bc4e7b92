public import Foundation
import SQLKit
import WaymarkRecords

/// What a letter's short code stands for: the same person, campaign member
/// and expiry as the long link printed with it.
public struct LetterCodeTarget: Sendable, Equatable {
    public let personID: Int64
    public let campaignMemberID: Int64
    public let expiresAt: Date
}

/// The short codes of printed letters, kept as keyed hashes (the caller
/// hashes; the store never sees a code).
public struct LetterCodeStore: Sendable {
    let store: Store

    public init(store: Store) {
        self.store = store
    }

    /// Records the codes of one printing in one transaction, and forgets codes that have expired.
    /// Codes are random, so a clash with a live code is as rare as a guess; the caller makes new ones if this throws.
    public func record(_ codes: [(codeHash: String, campaignMemberID: Int64, expiresAt: Date)], now: Date) async throws {
        guard !codes.isEmpty else { return }
        try await store.database.transaction { db in
            try await db.delete(from: "letter_code").where("expires_at", .lessThanOrEqual, Timestamp.format(now)).run()
            for code in codes {
                try await db.insert(into: "letter_code")
                    .columns("code_hash", "campaign_member_id", "created_at", "expires_at")
                    .values(SQLBind(code.codeHash), SQLBind(code.campaignMemberID), SQLBind(Timestamp.format(now)),
                            SQLBind(Timestamp.format(code.expiresAt)))
                    .run()
            }
        }
    }

    /// The live target of a code's hash; nil when unknown or expired (the caller cannot tell which).
    public func target(codeHash: String, now: Date) async throws -> LetterCodeTarget? {
        guard let row = try await store.sql.raw("""
            SELECT m.person_id, c.campaign_member_id, c.expires_at
            FROM letter_code c JOIN campaign_member m ON m.id = c.campaign_member_id
            WHERE c.code_hash = \(bind: codeHash) AND c.expires_at > \(bind: Timestamp.format(now))
            """).first()
        else { return nil }
        let expiry = try row.decode(column: "expires_at", as: String.self)
        guard let expiresAt = Timestamp.parse(expiry) else {
            throw StoreError.invalidStoredValue(table: "letter_code", column: "expires_at", value: expiry)
        }
        return LetterCodeTarget(
            personID: try row.decode(column: "person_id", as: Int64.self),
            campaignMemberID: try row.decode(column: "campaign_member_id", as: Int64.self), expiresAt: expiresAt)
    }
}
