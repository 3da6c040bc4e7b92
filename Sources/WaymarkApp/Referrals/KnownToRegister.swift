import WaymarkCore
import WaymarkRecords
import WaymarkStore

/// Keeps the known-to register in step with referrals: a referral accepted
/// (or reopened) puts the receiving service and its worker on it; one handed
/// back, withdrawn or closed takes them off. In the referral's own transaction.
enum KnownToRegister {
    static func follow(_ move: ReferralMove, referral: StoredReferral, by grant: AccessGrant, on today: CalendarDate, in tx: ChangeTransaction) async throws {
        let opens = (move.to == .accepted) || (move.action == .reopen)
        let ends = move.from.involvesReceiver && !move.to.involvesReceiver
        if opens {
            try await tx.openInvolvement(
                NewInvolvement(
                    personID: referral.personID, organisationID: referral.toOrganisationID, workerUserID: move.takenOnBy ?? referral.toUserID,
                    workerRole: "\(referral.toOrganisationKind.label) worker", from: today, referralID: referral.id))
        } else if ends {
            try await tx.endInvolvement(ofReferral: referral.id, personID: referral.personID, on: today)
        }
    }
}
