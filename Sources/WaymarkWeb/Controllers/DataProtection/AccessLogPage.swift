import Foundation
import WaymarkApp
import WaymarkRecords

/// "Who has looked at this record": every audit event about one young person, newest first.
struct AccessLogPage: PageModel {
    static let template = "access-log"

    struct Row: Sendable {
        let when: String
        let who: String
        let role: String
        let action: String
        let what: String
        let detail: String
    }

    let title: String
    let userName: String
    let role: String
    let csrf: String
    let personID: Int64
    let rows: [Row]
    let isEmpty: Bool
    let pagination: PaginationView
    var downloads: DownloadLinks?

    init(user: StoredUser, csrf: String, person: Int64, page: ReviewPage<AccessLogEntry>) {
        title = "Who has looked at record \(person)"
        userName = user.displayName
        role = user.role.displayName
        self.csrf = csrf
        personID = person
        rows = page.items.map { entry in
            Row(when: UKTime.describe(instant: entry.occurredAt), who: entry.who, role: entry.role ?? "–", action: entry.action, what: entry.what,
                detail: entry.detail ?? "")
        }
        isEmpty = page.items.isEmpty
        pagination = PaginationView(path: Paths.accessLog(person), before: page.before, older: page.older)
    }
}
