import Foundation
import WaymarkCore
import WaymarkRecords
import WaymarkStore

/// Telling the referrer that their referral changed: a notice on their
/// Waymark home page and an e-mail queued in the outbox, in the change's own
/// transaction. The e-mail names the referral by number and the service by
/// name, never the young person: it leaves Waymark through a relay.
enum ReferralNews {
    static func tell(_ referrer: StoredUser, about referral: StoredReferral, now state: ReferralState, in tx: ChangeTransaction) async throws {
        try await tx.noticeReferralChange(referralID: referral.id, personID: referral.personID, for: referrer.id)
        let message = NewOutboxMessage(
            campaignID: nil, channel: "email", recipient: referrer.email, subject: subject(referral, state), body: body(referral, state),
            notBefore: tx.now, staffUserID: referrer.id)
        try await tx.enqueue(message, for: referral.personID)
    }

    static func subject(_ referral: StoredReferral, _ state: ReferralState) -> String {
        "Waymark: referral \(referral.id) – \(state.label.lowercased())"
    }

    static func body(_ referral: StoredReferral, _ state: ReferralState) -> String {
        """
        Your referral \(referral.id) to \(referral.toOrganisationName) has moved on. Where it stands now: \(state.label).

        Sign in to Waymark and open Referrals to see what changed.

        This message does not name the young person. Please do not reply to it.
        """
    }
}
