import Foundation
import WaymarkApp
import WaymarkCore
import WaymarkRecords

/// Notices stored for the signed-in user (today: someone broke the glass on
/// the record of a young person on their caseload), drawn by `home-notices`.
struct NoticeView: Sendable {
    let personID: Int64
    let personName: String
    let who: String
    let when: String
    let classes: String
    let until: String
    let reason: String
}

extension HomePage {
    mutating func showNotices(_ notices: [BreakGlassNotice], now: Date) {
        self.notices = notices.map { notice in
            NoticeView(
                personID: notice.personID, personName: notice.personName, who: "\(notice.userName) (\(notice.userRole))",
                when: UKTime.describe(instant: notice.grantedAt), classes: notice.classes.map(\.label).joined(separator: ", "),
                until: notice.hasExpired ? "until \(UKTime.describe(instant: notice.expiresAt)) (now closed)"
                    : "until \(UKTime.describe(instant: notice.expiresAt, relativeTo: now))",
                reason: notice.reason)
        }
        hasNotices = !notices.isEmpty
    }
}

/// "Your referral 12 to the youth justice service is now accepted": ids and services, never the young person's name.
struct ReferralNewsView: Sendable {
    let id: Int64
    let to: String
    let state: String
    let when: String
}

extension HomePage {
    mutating func showReferralNews(_ referrals: [StoredReferral]) {
        referralNews = referrals.map {
            ReferralNewsView(id: $0.id, to: $0.toOrganisationName, state: $0.state.label.lowercased(), when: UKTime.describe(instant: $0.stateSince))
        }
        hasReferralNews = !referralNews.isEmpty
    }

    mutating func showReferralReminders(_ referrals: [StoredReferral]) {
        referralReminders = referrals.map {
            ReferralNewsView(id: $0.id, to: $0.toOrganisationName, state: $0.state.label.lowercased(), when: $0.reminderDue.map { "due \($0.longDescription)" } ?? "")
        }
        hasReferralReminders = !referralReminders.isEmpty
    }
}
