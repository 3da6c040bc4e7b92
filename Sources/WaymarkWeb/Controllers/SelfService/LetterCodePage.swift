/// The short page a letter sends young people to: one box for the code.
struct LetterCodePage: PageModel {
    static let template = "letter-code"
    /// The same words for a code that never existed and one that has expired.
    static let notRecognised = "We do not recognise that code. Check it against your letter: codes work for four weeks after the letter was printed."

    let title: String
    let laName: String
    let csrf: String
    let typed: String
    let problem: String?
    let phone: String

    init(laName: String, csrf: String, typed: String, problem: String?, phone: String) {
        title = problem == nil ? "Enter the code from your letter" : "Error: enter the code from your letter"
        self.laName = laName
        self.csrf = csrf
        self.typed = typed
        self.problem = problem
        self.phone = phone
    }
}
