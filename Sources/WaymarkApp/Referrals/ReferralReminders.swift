public import Foundation
public import WaymarkCore
import WaymarkRecords
public import WaymarkStore

/// Reminds whoever a referral waits on once its state's timer runs out
/// (``ReferralTimers``): a notice in Waymark and an e-mail queued in the
/// outbox (the outbox worker sends it; nothing is sent here). One reminder
/// per state: the referral is marked in the same transaction, only if still
/// unmarked, so a second run, or a second server, queues nothing more, and a
/// referral moved on to a new state is reminded again when that timer runs out.
///
/// Whose turn it is: the referrer in draft and once the outcome is recorded;
/// the receiving worker who took it on once accepted; before that (sent,
/// received) every worker of the receiving service who may work referrals,
/// one e-mail each, since no one of them has it yet.
public struct ReferralReminders: Sendable {
    let store: Store
    public static let actor = Actor.system("referral-reminders")

    public init(store: Store) {
        self.store = store
    }

    /// Queues the reminders due by `day`; returns how many referrals were reminded.
    @discardableResult
    public func queueDue(on day: CalendarDate, at now: Date, progress: (@Sendable (Int) async throws -> Void)? = nil) async throws -> Int {
        let queries = ReferralQueries(store: store)
        var reminded = 0
        var tried = Set<Int64>()
        while true {
            // Each reminded referral leaves the list; one that could not be marked (it moved meanwhile) is not tried twice.
            let page = try await queries.remindersDue(on: day, limit: 200).filter { !tried.contains($0.id) }
            guard !page.isEmpty else { break }
            for referral in page {
                tried.insert(referral.id)
                if try await remind(referral, on: day, at: now) { reminded += 1 }
            }
            try await progress?(reminded)
        }
        return reminded
    }

    /// One referral's reminder, in one transaction with its mark and audit event.
    func remind(_ referral: StoredReferral, on day: CalendarDate, at now: Date) async throws -> Bool {
        let recipients = try await whoseTurn(referral)
        return try await store.change(by: Self.actor, at: now) { tx in
            guard try await tx.markReferralReminded(referral.id, personID: referral.personID, state: referral.state, on: day, recipients: recipients.map(\.id))
            else { return false }
            for user in recipients {
                try await tx.noticeReferralReminder(referralID: referral.id, personID: referral.personID, for: user.id)
                try await tx.enqueue(Self.email(referral, to: user, at: now), for: referral.personID)
            }
            return true
        }
    }

    /// The people the referral waits on now, who can still sign in.
    func whoseTurn(_ referral: StoredReferral) async throws -> [StoredUser] {
        let users = UserQueries(store: store)
        switch ReferralTimers.waitingOn(in: referral.state) {
        case .sender:
            return [try await users.user(id: referral.fromUserID)].compactMap { $0 }.filter { !$0.disabled }
        case .receiver:
            if let worker = referral.toUserID, let user = try await users.user(id: worker), !user.disabled { return [user] }
            return try await users.active(organisationID: referral.toOrganisationID).filter { AccessPolicy.allows($0.role, .workReferrals) }
        case .neither, nil:
            return []
        }
    }

    /// Names the referral by number and the service by name, never the young
    /// person: it leaves Waymark through a relay.
    static func email(_ referral: StoredReferral, to user: StoredUser, at now: Date) -> NewOutboxMessage {
        let due = referral.reminderDue.map { " on \($0.iso)" } ?? ""
        let body = """
            Referral \(referral.id) from \(referral.fromOrganisationName) to \(referral.toOrganisationName) has been \
            \(referral.state.label.lowercased()) longer than agreed, and the next step is yours (it was due\(due)).

            Sign in to Waymark and open Referrals to see what it waits for.

            This message does not name the young person. Please do not reply to it.
            """
        return NewOutboxMessage(
            campaignID: nil, channel: "email", recipient: user.email, subject: "Waymark: referral \(referral.id) is waiting on you", body: body,
            notBefore: now, staffUserID: user.id)
    }
}
