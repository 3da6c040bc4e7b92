/// The one time an administrator sees a temporary password: right after setting it.
struct PasswordResetPage: PageModel {
    static let template = "admin-password-reset"
    let title = "Temporary password set"
    let userName: String
    let role: String
    let csrf: String
    let accountName: String
    let accountEmail: String
    let temporaryPassword: String
}
