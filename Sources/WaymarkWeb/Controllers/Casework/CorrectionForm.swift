import WaymarkCore
import WaymarkRecords

/// "Correct name or date of birth": the new values as typed (the form
/// starts with the current ones) and why.
struct CorrectionForm: Decodable, Sendable {
    var givenName: String?
    var familyName: String?
    var dateOfBirth: DateEntry?
    var reason: String?
    var explanation: String?
    var once: String?
    enum CodingKeys: String, CodingKey {
        case givenName = "correct-given-name", familyName = "correct-family-name", dateOfBirth = "correct-date-of-birth", reason = "correction-reason"
        case explanation = "correction-explanation", once
    }

    /// The fields' ids, for the error summary and the page.
    static let fields = ["correct-given-name", "correct-family-name", "correct-date-of-birth", "correction-reason", "correction-explanation"]

    func validated(current: PersonBundle, today: CalendarDate) -> (IdentityCorrection?, FormProblems) {
        var problems = FormProblems()
        let given = problems.text(givenName, field: "correct-given-name", label: "their given name", required: true, maxLength: NewPersonForm.nameLimit)
        let family = problems.text(familyName, field: "correct-family-name", label: "their family name", required: true, maxLength: NewPersonForm.nameLimit)
        for (name, field, label) in [(given, "correct-given-name", "The given name"), (family, "correct-family-name", "The family name")] {
            if let name, name.contains(where: { "/\\:?@$&*(){}[]!\"+=|0123456789".contains($0) }) {
                problems.add(field, "\(label) can only have letters, spaces, hyphens and apostrophes")
            }
        }
        let born = problems.date(dateOfBirth, field: "correct-date-of-birth", label: "their date of birth", required: true)
        if let born, born > today { problems.add("correct-date-of-birth", "Their date of birth must be in the past") }
        let reason = CorrectionReason(rawValue: reason ?? "")
        if reason == nil { problems.add("correction-reason", "Choose why the record is being corrected") }
        let words = problems.text(
            explanation, field: "correction-explanation", label: "why the record is being corrected", required: reason == .other,
            maxLength: IdentityCorrection.explanationLimit)
        guard problems.isEmpty, let given, let family, let born, let reason else { return (nil, problems) }
        let correction = IdentityCorrection(givenName: given, familyName: family, dateOfBirth: born, reason: reason, explanation: words)
        if correction.changes(givenName: current.givenName ?? "", familyName: current.familyName ?? "", dateOfBirth: current.dateOfBirth?.iso ?? "").isEmpty {
            problems.add("correct-given-name", "Nothing would change: enter the corrected name or date of birth")
            return (nil, problems)
        }
        return (correction, problems)
    }
}
