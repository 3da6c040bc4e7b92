import Foundation
import WaymarkApp
import WaymarkRecords

/// The one time an administrator sees an invitation link: right after making it.
struct InvitationIssuedPage: PageModel {
    static let template = "admin-invitation"
    let title: String
    let userName: String
    let role: String
    let csrf: String
    let accountName: String
    let accountEmail: String
    let accountRole: String
    let link: String
    let expires: String
    let reissued: Bool
    /// Said only when an e-mail was really queued; never "sent".
    let queuedByEmail: Bool

    init(user: StoredUserSummary, csrf: String, invitation: IssuedInvitation, reissued: Bool) {
        title = reissued ? "New invitation link" : "User invited"
        userName = user.name
        role = user.role
        self.csrf = csrf
        accountName = invitation.account.displayName
        accountEmail = invitation.account.email
        accountRole = invitation.account.role.displayName
        link = invitation.link
        expires = UKTime.describe(instant: invitation.expiresAt)
        self.reissued = reissued
        queuedByEmail = invitation.queuedByEmail
    }

    /// Who is signed in, for the page's header.
    struct StoredUserSummary {
        let name: String
        let role: String
    }
}
