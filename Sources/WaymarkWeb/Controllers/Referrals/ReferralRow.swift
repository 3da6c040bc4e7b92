import Foundation
import WaymarkApp
import WaymarkCore
import WaymarkRecords

/// One referral in a list: who it is about, between which services, where it stands, and when its reminder falls due.
struct ReferralRow: Sendable {
    let id: Int64
    let personName: String
    let from: String
    let to: String
    let purpose: String
    let state: String
    let since: String
    let due: String?
    let overdue: Bool
    /// The service tells a special category the reader does not see: only "a partner service", and no link to the referral.
    let brokered: Bool

    init(_ referral: StoredReferral, today: CalendarDate, brokered: Bool = false) {
        self.brokered = brokered
        id = referral.id
        personName = referral.personName
        from = "\(referral.fromUserName), \(referral.fromOrganisationName)"
        to = brokered ? "a partner service" : referral.toOrganisationName
        purpose = referral.purpose.label
        state = referral.state.label
        since = UKTime.describe(instant: referral.stateSince)
        due = referral.reminderDue?.longDescription
        overdue = referral.reminderDue.map { $0 <= today } ?? false
    }
}
