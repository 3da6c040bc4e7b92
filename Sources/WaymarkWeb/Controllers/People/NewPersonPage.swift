import WaymarkApp
import WaymarkCore
import WaymarkRecords

/// "Add a young person": the form, or, once it reads, the records that might
/// already be them, with the entered values carried to the confirmation.
struct NewPersonPage: PageModel {
    static let template = "person-new"

    struct Entered: Sendable {
        let givenName: String
        let familyName: String
        let day: String
        let month: String
        let year: String
        let gender: String
        let postcode: String
        let upn: String
        let uln: String
    }

    let title: String
    let userName: String
    let role: String
    let csrf: String
    let once: String
    let problems: [FormProblems.Problem]
    let hasProblems: Bool
    let givenName: FieldView
    let familyName: FieldView
    let dateOfBirth: DateFieldView
    let gender: FieldView
    let genders: [Choice]
    let postcode: FieldView
    let upn: FieldView
    let uln: FieldView
    /// Set on the check step: what was entered, carried in hidden fields.
    let entered: Entered?
    let checking: Bool
    let matches: [SearchPage.Row]
    let hasMatches: Bool
    let summary: [SummaryRow]
    let fullName: String

    struct SummaryRow: Sendable {
        let label: String
        let value: String
    }

    /// The form, empty or with what was typed and its problems.
    init(user: StoredUser, csrf: String, form: NewPersonForm, once: String?, problems: FormProblems, today: CalendarDate) {
        self.init(user: user, csrf: csrf, form: form, once: once, problems: problems, entry: nil, matches: [], today: today)
    }

    /// The check: who this might already be.
    init(user: StoredUser, csrf: String, form: NewPersonForm, once: String?, entry: NewPersonEntry, matches: [PersonSearchResult], today: CalendarDate) {
        self.init(user: user, csrf: csrf, form: form, once: once, problems: FormProblems(), entry: entry, matches: matches, today: today)
    }

    private init(
        user: StoredUser, csrf: String, form: NewPersonForm, once: String?, problems: FormProblems, entry: NewPersonEntry?, matches: [PersonSearchResult],
        today: CalendarDate
    ) {
        let name = entry.map { "\($0.givenName) \($0.familyName)" } ?? ""
        title = (problems.isEmpty ? "" : "Error: ") + (entry == nil ? "Add a young person" : "Check \(name) is not already recorded")
        userName = user.displayName
        role = user.role.displayName
        self.csrf = csrf
        self.once = once.flatMap { RepeatGuard.isWellFormed($0) ? $0 : nil } ?? SecretToken.make()
        self.problems = problems.all
        hasProblems = !problems.isEmpty
        givenName = FieldView(form.givenName, "given-name", problems)
        familyName = FieldView(form.familyName, "family-name", problems)
        dateOfBirth = DateFieldView(form.dateOfBirth, "date-of-birth", legend: "Date of birth", problems)
        gender = FieldView(nil, "gender", problems)
        genders = NewPersonForm.genders.map { Choice(value: $0.rawValue, label: $0.meaning, selected: form.gender == $0.rawValue) }
        postcode = FieldView(form.postcode, "postcode", problems)
        upn = FieldView(form.upn, "upn", problems)
        uln = FieldView(form.uln, "uln", problems)
        checking = entry != nil
        fullName = name
        self.entered = entry.map {
            Entered(
                givenName: $0.givenName, familyName: $0.familyName, day: String($0.dateOfBirth.day), month: String($0.dateOfBirth.month),
                year: String($0.dateOfBirth.year), gender: $0.gender.rawValue, postcode: $0.postcode, upn: $0.upn ?? "", uln: $0.uln ?? "")
        }
        summary = entry.map { entry in
            [
                SummaryRow(label: "Name", value: name), SummaryRow(label: "Date of birth", value: entry.dateOfBirth.longDescription),
                SummaryRow(label: "Gender", value: entry.gender.meaning), SummaryRow(label: "Postcode", value: entry.postcode),
            ] + [entry.upn.map { SummaryRow(label: "UPN", value: $0) }, entry.uln.map { SummaryRow(label: "ULN", value: $0) }].compactMap { $0 }
        } ?? []
        self.matches = matches.map { SearchPage.Row($0, showsPostcode: true, showsActivityCode: false, today: today) }
        hasMatches = !matches.isEmpty
    }
}
