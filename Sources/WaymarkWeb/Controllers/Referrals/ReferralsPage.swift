import Foundation
import WaymarkApp
import WaymarkCore
import WaymarkRecords

/// A service's referrals: a partner's home page (referrals in, its young
/// people, what is due) and the LA's list of referrals out.
struct ReferralsPage: PageModel {
    static let template = "referrals"

    struct Involvement: Sendable {
        let personName: String
        let referralID: Int64?
        let role: String
        let from: String
    }

    let title: String
    let userName: String
    let role: String
    let csrf: String
    let organisation: String
    let received: [ReferralRow]
    let sent: [ReferralRow]
    let due: [ReferralRow]
    let involvements: [Involvement]
    let showsReceived: Bool
    let showsSent: Bool
    let receivedCount: Int
    let sentCount: Int
    let dueCount: Int
    let involvementCount: Int
    // Mustache treats 0 as true: the sections ask these.
    let hasDue, hasReceived, hasSent, hasInvolvements: Bool

    init(user: StoredUser, csrf: String, overview: ReferralOverview, names: [Int64: String], today: CalendarDate) {
        title = "Referrals"
        userName = user.displayName
        role = user.role.displayName
        self.csrf = csrf
        organisation = overview.organisation
        received = overview.received.map { ReferralRow($0, today: today) }
        sent = overview.sent.map { ReferralRow($0, today: today) }
        due = overview.due.map { ReferralRow($0, today: today) }
        involvements = overview.involvements.map {
            Involvement(personName: names[$0.personID] ?? "Young person \($0.personID)", referralID: $0.referralID, role: $0.workerRole, from: $0.from.longDescription)
        }
        showsReceived = AccessPolicy.allows(user.role, .workReferrals)
        showsSent = AccessPolicy.allows(user.role, .makeReferrals)
        receivedCount = received.count
        sentCount = sent.count
        dueCount = due.count
        involvementCount = involvements.count
        (hasDue, hasReceived, hasSent, hasInvolvements) = (!due.isEmpty, !received.isEmpty, !sent.isEmpty, !involvements.isEmpty)
    }
}
