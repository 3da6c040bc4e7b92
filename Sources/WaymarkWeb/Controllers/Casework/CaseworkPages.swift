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
    let occurredOn: DateFieldView
    let methods: [Choice]
    let methodError: FieldView
    let directions: [Choice]
    let directionError: FieldView
    let outcome: FieldView
    let notes: FieldView
    let nextStep: FieldView
    let followUpOn: DateFieldView
    let appointmentOn: DateFieldView
    let appointmentAt: FieldView
    let appointmentPlace: FieldView
    /// The appointment fields start folded away unless something was typed in them.
    let showAppointment: Bool

    init(frame: CaseworkFrame, form: ContactForm, problems: FormProblems) {
        title = "Record a contact – \(frame.personName)"
        self.frame = frame
        occurredOn = DateFieldView(form.occurredOn, "occurred-on", legend: "Date of the contact", problems)
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
        followUpOn = DateFieldView(form.followUpOn, "follow-up-on", legend: "Follow up on (optional)", example: DateFieldView.aheadExample, problems)
        appointmentOn = DateFieldView(form.appointmentOn, "appointment-on", legend: "Date", example: DateFieldView.aheadExample, problems)
        appointmentAt = FieldView(form.appointmentAt, "appointment-at", problems)
        appointmentPlace = FieldView(form.appointmentPlace, "appointment-place", problems)
        showAppointment = !(form.appointmentOn?.isBlank ?? true) || [form.appointmentAt, form.appointmentPlace].contains { !($0 ?? "").isEmpty }
    }
}

extension ContactPage {
    static let methodLabels: [NewContact.Method: String] = [
        .faceToFace: "Face to face", .phone: "Phone", .sms: "Text message", .email: "E-mail", .letter: "Letter", .visit: "Home visit",
        .video: "Video call", .online: "Self-service page",
    ]
}

/// "Update the activity" in two steps: first the activity, then only the
/// fields its code needs, in the order a person thinks of them (when it
/// started and ends, where, then how we know). A form posted with a code
/// that cannot be read comes back to the first step.
struct ActivityPage: PageModel {
    static let template = "record-activity"

    struct CodeGroup: Sendable {
        let label: String
        let codes: [Choice]
    }

    /// The chosen activity, shown above the second step's fields with a way back to change it.
    struct Chosen: Sendable {
        let value: String
        let label: String
        let error: String?
        let hasError: Bool
    }

    let title: String
    let frame: CaseworkFrame
    let choosing: Bool
    let codeGroups: [CodeGroup]
    let code: FieldView
    let chosen: Chosen?
    let startDate: DateFieldView
    let neetStartDate: DateFieldView?
    let predictedEndDate: DateFieldView?
    let reviewDate: DateFieldView?
    let provider: Bool
    let establishmentName: FieldView
    let establishmentNumber: FieldView
    let ukprn: FieldView
    let dateAscertained: DateFieldView
    let dateVerified: DateFieldView

    init(frame: CaseworkFrame, form: ActivityForm, problems: FormProblems) {
        title = "Update the activity – \(frame.personName)"
        self.frame = frame
        let activityCode = form.activityCode
        choosing = activityCode == nil
        codeGroups = ActivityGroup.allCases.map { group in
            CodeGroup(label: Self.groupLabels[group] ?? group.rawValue, codes: ActivityCode.allCases.filter { $0.group == group }.map {
                Choice(value: String($0.rawValue), label: "\($0.rawValue) – \($0.meaning)", selected: $0 == activityCode)
            })
        }
        code = FieldView(form.code, "code", problems)
        chosen = activityCode.map {
            let error = problems.message(for: "code")
            return Chosen(value: String($0.rawValue), label: "\($0.rawValue) – \($0.meaning)", error: error, hasError: error != nil)
        }
        // A field the code does not ask for is still drawn when something was typed in it (an older caller
        // posts every field), so the value and the rule it broke are on screen, not lost.
        func typed(_ entry: DateEntry?) -> Bool { !(entry?.isBlank ?? true) }
        let asked = activityCode.map { code in
            ActivityFieldsAsked(for: code).showing(
                neetStartDate: typed(form.neetStartDate), predictedEndDate: typed(form.predictedEndDate),
                provider: [form.establishmentName, form.establishmentNumber, form.ukprn].contains { !($0 ?? "").isEmpty })
        }
        func legend(_ name: String, _ need: ActivityFieldsAsked.Need) -> String { need == .optional ? "\(name) (optional)" : name }
        startDate = DateFieldView(form.startDate, "start-date", legend: "Start date", about: "The day this activity began. Not in the future.", problems)
        neetStartDate = asked.flatMap { $0.neetStartDate == .notAsked ? nil : $0 }.map { _ in
            DateFieldView(form.neetStartDate, "neet-start-date", legend: "NEET start date", about: "When this spell of not being in education, employment or training began: on or before the start date.", problems)
        }
        predictedEndDate = asked.flatMap { $0.predictedEndDate == .notAsked ? nil : $0 }.map {
            DateFieldView(form.predictedEndDate, "predicted-end-date", legend: legend("Predicted end date", $0.predictedEndDate), about: "When the course, training or job is expected to end.", example: DateFieldView.aheadExample, problems)
        }
        reviewDate = asked.map {
            DateFieldView(form.reviewDate, "review-date", legend: legend("Review date", $0.reviewDate), about: "When to check this activity again.", example: DateFieldView.aheadExample, problems)
        }
        provider = asked?.provider ?? false
        establishmentName = FieldView(form.establishmentName, "establishment-name", problems)
        establishmentNumber = FieldView(form.establishmentNumber, "establishment-number", problems)
        ukprn = FieldView(form.ukprn, "ukprn", problems)
        dateAscertained = DateFieldView(form.dateAscertained, "date-ascertained", legend: "Date ascertained", about: "When you found this out.", problems)
        dateVerified = DateFieldView(form.dateVerified, "date-verified", legend: "Date verified (optional)", about: "When it was confirmed, by the young person or the provider.", problems)
    }

    static let groupLabels: [ActivityGroup: String] = [
        .preSixteen: "Pre-16", .education: "Education", .employment: "Employment", .training: "Training", .reEngagement: "Re-engagement",
        .neet: "Not in education, employment or training (NEET)", .other: "Other", .notKnown: "Not known",
    ]
}
