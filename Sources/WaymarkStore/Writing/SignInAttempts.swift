public import Foundation
import SQLKit
public import WaymarkCore
import WaymarkRecords

/// Whether a sign-in attempt may run its password check.
public enum SignInAdmission: Sendable, Equatable {
    /// Recorded as a failure until ``SignInAttempts/recordOutcome(attemptID:succeeded:userID:now:)`` says otherwise.
    case admitted(attemptID: Int64)
    /// Nothing was recorded; the client may try again after this many seconds.
    case throttled(retryAfter: TimeInterval)
}

/// The sign-in throttle's memory. Checking the limits and recording the
/// attempt happen in one transaction, before the password is checked, so
/// parallel guesses cannot all pass a check none of them has yet counted in.
public struct SignInAttempts: Sendable {
    let store: Store
    let policy: SignInThrottlePolicy

    /// Keeps advisory-lock keys apart from the migration lock (7482001) and from each other.
    /// Int32, because the two-key advisory lock functions take two integers.
    static let accountLockSpace: Int32 = 7_482_015
    static let clientLockSpace: Int32 = 7_482_016
    static let pruneLockSpace: Int32 = 7_482_017

    public init(store: Store, policy: SignInThrottlePolicy) {
        self.store = store
        self.policy = policy
    }

    /// Admits the attempt (recording it as a failure) or says how long to wait.
    /// `email` must already be bounded (``SignInThrottlePolicy/maxEmailLength``).
    public func admit(email: String, clientAddress: String, now: Date) async throws -> SignInAdmission {
        let email = email.lowercased()
        let cutoff = Timestamp.format(now.addingTimeInterval(-policy.window))
        return try await store.database.transaction { db in
            var prune = true
            if store.database.engine == .postgres {
                // SQLite's one connection already serialises transactions; PostgreSQL needs the locks.
                // Account then client, always in that order, so two sign-ins cannot wait on each other.
                try await db.raw("SELECT pg_advisory_xact_lock(\(bind: Self.accountLockSpace), hashtext(\(bind: email)))").run()
                try await db.raw("SELECT pg_advisory_xact_lock(\(bind: Self.clientLockSpace), hashtext(\(bind: clientAddress)))").run()
                // One pruner at a time: two deletes of the same old rows could lock them in different orders.
                // Keyed by schema: advisory locks are database-wide, and schemas sharing a database (the tests') have their own rows.
                prune = try await db.raw("SELECT pg_try_advisory_xact_lock(\(bind: Self.pruneLockSpace), hashtext(current_schema())) AS locked")
                    .first(decodingColumn: "locked", as: Bool.self) ?? false
            }
            if prune {
                // Failures older than the window no longer count; dropping them here keeps the table bounded.
                try await db.delete(from: "sign_in_attempt").where("attempted_at", .lessThan, cutoff).run()
            }
            let waits = [
                policy.perAccount.wait(failures: try await Self.failures(db, "email", email, since: cutoff), now: now),
                policy.perClient.wait(failures: try await Self.failures(db, "client_address", clientAddress, since: cutoff), now: now),
            ].compactMap { $0 }
            if let longest = waits.max() { return .throttled(retryAfter: longest) }
            let row = try await db.insert(into: "sign_in_attempt")
                .columns("email", "client_address", "succeeded", "attempted_at")
                .values(SQLBind(email), SQLBind(clientAddress), SQLBind(false), SQLBind(Timestamp.format(now)))
                .returning("id").first()
            guard let row else { throw StoreError.noIDReturned(table: "sign_in_attempt") }
            return .admitted(attemptID: try row.decode(column: "id", as: Int64.self))
        }
    }

    /// Marks an admitted attempt's outcome. A failure against a real account
    /// is audited; one against an unknown address is not, because the audit
    /// trail is append-only and strangers could otherwise grow it without
    /// bound (the attempt row itself is pruned after the window).
    public func recordOutcome(attemptID: Int64, succeeded: Bool, userID: Int64?, now: Date) async throws {
        try await store.change(by: Actor(userID: nil, source: "sign-in", label: "anonymous"), at: now) { tx in
            if succeeded {
                try await tx.db.update("sign_in_attempt").set("succeeded", to: true).where("id", .equal, attemptID).run()
            } else if let userID {
                try await tx.audit(.signInFailed, entity: "app_user", entityID: userID, personID: nil)
            }
        }
    }

    /// How many attempts with this key have failed (or are still being checked) since the cutoff.
    public func failures(email: String, since: Date) async throws -> Int {
        try await Self.failures(store.sql, "email", email.lowercased(), since: Timestamp.format(since)).count
    }

    private static func failures(_ db: any SQLDatabase, _ column: String, _ key: String, since cutoff: String) async throws -> (count: Int, latest: Date?) {
        let row = try await db.select()
            .column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n")
            .column(SQLFunction("MAX", args: SQLIdentifier("attempted_at")), as: "latest")
            .from("sign_in_attempt")
            .where(SQLIdentifier(column), .equal, SQLBind(key))
            .where("succeeded", .equal, false)
            .where("attempted_at", .greaterThanOrEqual, cutoff)
            .first()
        let count = try row?.decode(column: "n", as: Int.self) ?? 0
        let latest = try row?.decode(column: "latest", as: String?.self).flatMap(Timestamp.parse)
        return (count, latest)
    }
}

extension SignInThrottleLimit {
    func wait(failures: (count: Int, latest: Date?), now: Date) -> TimeInterval? {
        wait(failures: failures.count, latestFailure: failures.latest, now: now)
    }
}

extension SignInAttempts {
    /// Forgets an admitted attempt whose password was never checked (the server was too busy).
    public func withdraw(attemptID: Int64) async throws {
        try await store.sql.delete(from: "sign_in_attempt").where("id", .equal, attemptID).run()
    }
}
