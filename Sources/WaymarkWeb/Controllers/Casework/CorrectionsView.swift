import WaymarkCore
import WaymarkRecords

/// The details page's "Correct name or date of birth" form and the
/// correction history under it.
struct CorrectionsView: Sendable {
    struct Line: Sendable {
        let field: String
        let change: String
        let reason: String
        let by: String
    }

    /// "Amara Okafor, born 14 March 2009": what the record says now.
    let current: String
    let history: [Line]
    let hasHistory: Bool
    let givenName: FieldView
    let familyName: FieldView
    let dateOfBirth: DateFieldView
    let reason: FieldView
    let reasons: [Choice]
    let explanation: FieldView
    let explanationLimit = IdentityCorrection.explanationLimit
    /// Open when the form came back with problems.
    let open: Bool
    let once = SecretToken.make()

    init(_ corrections: [StoredCorrection], by names: [Int64: String], person: PersonBundle, form: CorrectionForm?, problems: FormProblems) {
        func shown(_ field: CorrectedField, _ value: String) -> String {
            field == .dateOfBirth ? (try? CalendarDate(iso: value))?.longDescription ?? value : value
        }
        history = corrections.map { correction in
            let when = UKTime.describe(correction.recordedAt)
            return Line(
                field: correction.field.label,
                change: "\(shown(correction.field, correction.oldValue)) → \(shown(correction.field, correction.newValue))",
                reason: correction.reason.label + (correction.explanation.map { ": \($0)" } ?? ""),
                by: "\(correction.recordedBy.flatMap { names[$0] } ?? "Unknown user"), \(when)")
        }
        hasHistory = !history.isEmpty
        current = [person.givenName, person.familyName].compactMap { $0 }.joined(separator: " ")
            + (person.dateOfBirth.map { ", born \($0.longDescription)" } ?? "")
        givenName = FieldView(form?.givenName ?? person.givenName, "correct-given-name", problems)
        familyName = FieldView(form?.familyName ?? person.familyName, "correct-family-name", problems)
        dateOfBirth = DateFieldView(
            form?.dateOfBirth ?? person.dateOfBirth.map { DateEntry($0) }, "correct-date-of-birth", legend: "Date of birth", problems)
        reason = FieldView(nil, "correction-reason", problems)
        reasons = CorrectionReason.allCases.map { Choice(value: $0.rawValue, label: $0.label, selected: form?.reason == $0.rawValue) }
        explanation = FieldView(form?.explanation, "correction-explanation", problems)
        open = form != nil
    }
}
