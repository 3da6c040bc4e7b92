import WaymarkApp
import WaymarkRecords

/// A new user's first page: who the account is for, and their own password to choose.
struct InvitationPage: PageModel {
    static let template = "invitation"

    let title: String
    let showForm: Bool
    let accepted: Bool
    let notValid: Bool
    let name: String
    let email: String
    let roleName: String
    let csrf: String
    let action: String
    let minimumLength: Int
    let errorField: String?
    let errorMessage: String?
    let newError: String?
    let confirmError: String?

    static func form(invitee: StoredUser, csrf: String, action: String, problem: PasswordChangeProblem?) -> InvitationPage {
        InvitationPage(
            title: problem == nil ? "Choose your password" : "Error: choose your password", showForm: true, accepted: false, notValid: false,
            name: invitee.displayName, email: invitee.email, roleName: invitee.role.displayName, csrf: csrf, action: action,
            minimumLength: UserAccounts.minimumPasswordLength, errorField: problem?.field, errorMessage: problem?.message,
            newError: problem?.field == "new-password" ? problem?.message : nil,
            confirmError: problem?.field == "confirm-password" ? problem?.message : nil)
    }

    static func accepted(email: String) -> InvitationPage {
        closed(title: "Your password is set", accepted: true, email: email)
    }

    /// The same page for a link that never existed, was used, was replaced or has expired.
    static func notValid() -> InvitationPage {
        closed(title: "This invitation link has expired or is not valid", accepted: false, email: "")
    }

    private static func closed(title: String, accepted: Bool, email: String) -> InvitationPage {
        InvitationPage(
            title: title, showForm: false, accepted: accepted, notValid: !accepted, name: "", email: email, roleName: "", csrf: "", action: "",
            minimumLength: UserAccounts.minimumPasswordLength, errorField: nil, errorMessage: nil, newError: nil, confirmError: nil)
    }
}
