import Foundation
import WaymarkApp
import WaymarkCore
import WaymarkRecords

/// Every break-the-glass access, newest first, for the data-protection reviewer.
struct BreakGlassReviewPage: PageModel {
    static let template = "data-protection-break-glass"

    struct Row: Sendable {
        let id: Int64
        let personID: Int64
        let who: String
        let role: String
        let when: String
        let classes: String
        let reason: String
        let status: String
        let isOpen: Bool
        let told: String
    }

    let title = "Break-the-glass accesses"
    let userName: String
    let role: String
    let csrf: String
    let rows: [Row]
    let isEmpty: Bool
    let pagination: PaginationView
    var downloads: DownloadLinks?

    init(user: StoredUser, csrf: String, page: ReviewPage<BreakGlassRecord>, now: Date) {
        userName = user.displayName
        role = user.role.displayName
        self.csrf = csrf
        rows = page.items.map { access in
            Row(
                id: access.id, personID: access.personID, who: access.userName, role: access.userRole,
                when: UKTime.describe(instant: access.grantedAt), classes: access.classes.map(\.label).joined(separator: ", "),
                reason: access.reason,
                status: access.hasExpired ? "Expired \(UKTime.describe(instant: access.expiresAt))" : "Open until \(UKTime.describe(instant: access.expiresAt, relativeTo: now))",
                isOpen: !access.hasExpired, told: access.adviserTold ?? "Nobody (no adviser)")
        }
        isEmpty = page.items.isEmpty
        pagination = PaginationView(path: Paths.breakGlassReview, before: page.before, older: page.older)
    }
}
