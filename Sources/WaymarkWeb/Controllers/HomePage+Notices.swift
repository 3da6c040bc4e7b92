import Foundation
import WaymarkApp

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
