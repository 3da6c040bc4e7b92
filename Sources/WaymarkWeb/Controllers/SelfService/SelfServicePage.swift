import WaymarkCore

/// The young person's page: plain words, one question at a time down a phone screen.
struct SelfServicePage: PageModel {
    static let template = "self-service"

    struct Option: Sendable {
        let value: String
        let label: String
        let hint: String?
        let checked: Bool
    }

    let title: String
    let laName: String
    let csrf: String
    let action: String
    /// Which state the page is in: the form, thanks, or a refusal.
    let showForm: Bool
    let thanks: Bool
    let refused: Bool
    let problems: [FormProblems.Problem]
    let hasProblems: Bool
    let choices: [Option]
    let choiceError: String?
    let place: FieldView
    let sinceMonth: FieldView
    let sinceYear: FieldView
    let phone: FieldView
    let email: FieldView
    let contactBy: [Option]
    let contactByError: String?

    static func form(laName: String, csrf: String, action: String, form: SelfServiceForm, problems: FormProblems) -> SelfServicePage {
        SelfServicePage(
            title: problems.isEmpty ? "Tell us what you are doing" : "Error: tell us what you are doing", laName: laName, csrf: csrf,
            action: action, showForm: true, thanks: false, refused: false, problems: problems.all, hasProblems: !problems.isEmpty,
            choices: SelfDeclaredActivity.allCases.map { Option(value: $0.rawValue, label: $0.label, hint: $0.hint, checked: $0.rawValue == form.choice) },
            choiceError: problems.message(for: "choice-\(SelfDeclaredActivity.allCases[0].rawValue)"),
            place: FieldView(form.place, "place", problems), sinceMonth: FieldView(form.sinceMonth, "since-month", problems),
            sinceYear: FieldView(form.sinceYear, "since-year", problems), phone: FieldView(form.phone, "phone", problems),
            email: FieldView(form.email, "email", problems),
            contactBy: SelfServiceForm.contactChannels.map { Option(value: $0.rawValue, label: $0.meaning, hint: nil, checked: $0.rawValue == form.contactBy) },
            contactByError: problems.message(for: "contact-by-sms"))
    }

    /// `action` is the link's own path, for the way on to the young person's own page.
    static func thanks(laName: String, action: String) -> SelfServicePage {
        closed(laName: laName, title: "Thank you", thanks: true, action: action)
    }

    static func refused(laName: String) -> SelfServicePage {
        closed(laName: laName, title: "This link has expired or is not valid", thanks: false, action: "")
    }

    private static func closed(laName: String, title: String, thanks: Bool, action: String) -> SelfServicePage {
        let none = FormProblems()
        return SelfServicePage(
            title: title, laName: laName, csrf: "", action: action, showForm: false, thanks: thanks, refused: !thanks, problems: [], hasProblems: false,
            choices: [], choiceError: nil, place: FieldView(nil, "place", none), sinceMonth: FieldView(nil, "since-month", none),
            sinceYear: FieldView(nil, "since-year", none), phone: FieldView(nil, "phone", none), email: FieldView(nil, "email", none),
            contactBy: [], contactByError: nil)
    }
}
