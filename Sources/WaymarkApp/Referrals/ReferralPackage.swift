import Foundation
import WaymarkCore
import WaymarkRecords
import WaymarkStore

/// What a referral carries to the receiver: the classes its purpose asks for,
/// each put to ``SharingDesk`` along the referrals flow to the receiving
/// service. A class the flow does not carry, or that needs the young
/// person's consent they have not given (or refused), is withheld, with the
/// reason kept for the receiver. Decided once, when the referral is sent.
struct ReferralPackage: Sendable {
    let store: Store

    func decide(_ referral: StoredReferral, at now: Date) async throws -> [ReferralShare] {
        let receiver = try await OrganisationQueries(store: store).organisation(id: referral.toOrganisationID)
        let asked = referral.purpose.requestedClasses.sorted()
        let decisions = try await SharingDesk(store: store).decide(
            person: referral.personID, flowKey: DataFlowDefaults.Key.referrals, recipient: receiver, classes: asked, at: now)
        return asked.map { dataClass in
            switch decisions[dataClass] {
            case .allowed?: ReferralShare(dataClass: dataClass, shared: true, withheldBecause: nil)
            case .refused(let why)?: ReferralShare(dataClass: dataClass, shared: false, withheldBecause: why.description)
            case nil: ReferralShare(dataClass: dataClass, shared: false, withheldBecause: "No decision was made for this kind of information.")
            }
        }
    }

    /// A referral that cannot say who the young person is does not go: the
    /// receiver could do nothing with it, and the sender must first record
    /// the young person's consent (or find the share has no basis).
    static func blocking(_ shares: [ReferralShare]) -> Refusal? {
        guard let identity = shares.first(where: { $0.dataClass == .identity }), !identity.shared else { return nil }
        return .conflict(
            "This referral cannot be sent: \(identity.withheldBecause ?? "who the young person is cannot be shared.") "
                + "Record the young person's consent to referrals on their consent page first.")
    }
}
