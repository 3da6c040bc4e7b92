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

    init(_ referral: StoredReferral, today: CalendarDate) {
        id = referral.id
        personName = referral.personName
        from = "\(referral.fromUserName), \(referral.fromOrganisationName)"
        to = referral.toOrganisationName
        purpose = referral.purpose.label
        state = referral.state.label
        since = UKTime.describe(instant: referral.stateSince)
        due = referral.reminderDue?.longDescription
        overdue = referral.reminderDue.map { $0 <= today } ?? false
    }
}
