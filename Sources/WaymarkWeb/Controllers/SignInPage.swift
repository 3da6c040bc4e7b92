/// The sign-in form, with at most one error tied to its field.
struct SignInPage: PageModel {
    static let template = "sign-in"
    struct ErrorMessage: Sendable {
        let field: String
        let message: String
    }

    let title = "Sign in"
    let csrf: String
    let email: String
    let error: ErrorMessage?
    let emailError: String?
    let passwordError: String?

    init(csrf: String, email: String, error: ErrorMessage?) {
        self.csrf = csrf
        self.email = email
        self.error = error
        emailError = error?.field == "email" ? error?.message : nil
        passwordError = error?.field == "password" ? error?.message : nil
    }
}

/// "30 seconds", "1 minute", "4 minutes": how long a throttled client must wait.
enum RetryWait {
    static func phrase(seconds: Int) -> String {
        if seconds < 60 { return seconds == 1 ? "1 second" : "\(seconds) seconds" }
        let minutes = (seconds + 59) / 60
        return minutes == 1 ? "1 minute" : "\(minutes) minutes"
    }
}
