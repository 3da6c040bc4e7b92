import WaymarkCore
import WaymarkRecords

/// What every casework form page shows around its fields.
struct CaseworkFrame: Sendable {
    let userName: String
    let role: String
    let csrf: String
    let personID: Int64
    let personName: String
    let problems: [FormProblems.Problem]
    let hasProblems: Bool
    /// A one-time token for forms that create something: a repeat shows the first result (``RepeatGuard``).
    let once = SecretToken.make()

    init(user: StoredUser, csrf: String, person: PersonBundle, problems: FormProblems) {
        userName = user.displayName
        role = user.role.displayName
        self.csrf = csrf
        personID = person.id
        personName = [person.givenName, person.familyName].compactMap { $0 }.joined(separator: " ")
        self.problems = problems.all
        hasProblems = !problems.isEmpty
    }
}

/// A text field as the template draws it: value kept, error beside it.
struct FieldView: Sendable {
    let value: String
    let error: String?
    let hasError: Bool

    init(_ value: String?, _ field: String, _ problems: FormProblems) {
        self.value = value ?? ""
        error = problems.message(for: field)
        hasError = error != nil
    }
}

struct ContactPage: PageModel {
    static let template = "record-contact"

    let title: String
    let frame: CaseworkFrame
    let occurredOn: FieldView
    let methods: [Choice]
    let methodError: FieldView
    let directions: [Choice]
    let directionError: FieldView
    let outcome: FieldView
    let notes: FieldView
    let nextStep: FieldView
    let followUpOn: FieldView
    let appointmentOn: FieldView
    let appointmentAt: FieldView
    let appointmentPlace: FieldView
    /// The appointment fields start folded away unless something was typed in them.
    let showAppointment: Bool

    init(frame: CaseworkFrame, form: ContactForm, problems: FormProblems) {
        title = "Record a contact – \(frame.personName)"
        self.frame = frame
        occurredOn = FieldView(form.occurredOn, "occurred-on", problems)
        methods = NewContact.Method.allCases.map {
            Choice(value: $0.rawValue, label: Self.methodLabels[$0] ?? $0.rawValue, selected: $0.rawValue == form.method)
        }
        methodError = FieldView(nil, "method", problems)
        directions = [
            Choice(value: "outbound", label: "We contacted them", selected: form.direction == "outbound"),
            Choice(value: "inbound", label: "They contacted us", selected: form.direction == "inbound"),
        ]
        directionError = FieldView(nil, "direction", problems)
        outcome = FieldView(form.outcome, "outcome", problems)
        notes = FieldView(form.notes, "notes", problems)
        nextStep = FieldView(form.nextStep, "next-step", problems)
        followUpOn = FieldView(form.followUpOn, "follow-up-on", problems)
        appointmentOn = FieldView(form.appointmentOn, "appointment-on", problems)
        appointmentAt = FieldView(form.appointmentAt, "appointment-at", problems)
        appointmentPlace = FieldView(form.appointmentPlace, "appointment-place", problems)
        showAppointment = [form.appointmentOn, form.appointmentAt, form.appointmentPlace].contains { !($0 ?? "").isEmpty }
    }
}

extension ContactPage {
    static let methodLabels: [NewContact.Method: String] = [
        .faceToFace: "Face to face", .phone: "Phone", .sms: "Text message", .email: "E-mail", .letter: "Letter", .visit: "Home visit",
        .video: "Video call", .online: "Self-service page",
    ]
}

struct ActivityPage: PageModel {
    static let template = "record-activity"

    let title: String
    let frame: CaseworkFrame
    let codes: [Choice]
    let code: FieldView
    let startDate: FieldView
    let dateAscertained: FieldView
    let dateVerified: FieldView
    let reviewDate: FieldView
    let predictedEndDate: FieldView
    let neetStartDate: FieldView
    let establishmentNumber: FieldView
    let establishmentName: FieldView
    let ukprn: FieldView

    init(frame: CaseworkFrame, form: ActivityForm, problems: FormProblems) {
        title = "Update the activity – \(frame.personName)"
        self.frame = frame
        codes = ActivityCode.allCases.map { Choice(value: String($0.rawValue), label: "\($0.rawValue) – \($0.meaning)", selected: String($0.rawValue) == form.code) }
        code = FieldView(form.code, "code", problems)
        startDate = FieldView(form.startDate, "start-date", problems)
        dateAscertained = FieldView(form.dateAscertained, "date-ascertained", problems)
        dateVerified = FieldView(form.dateVerified, "date-verified", problems)
        reviewDate = FieldView(form.reviewDate, "review-date", problems)
        predictedEndDate = FieldView(form.predictedEndDate, "predicted-end-date", problems)
        neetStartDate = FieldView(form.neetStartDate, "neet-start-date", problems)
        establishmentNumber = FieldView(form.establishmentNumber, "establishment-number", problems)
        establishmentName = FieldView(form.establishmentName, "establishment-name", problems)
        ukprn = FieldView(form.ukprn, "ukprn", problems)
    }
}
