import Foundation
import WaymarkCore

/// An activity update as sent, checked with the same rules as the page's form
/// and the statutory return, every broken rule named with its field.
struct ActivityUpdateReading {
    let update: Components.Schemas.ActivityUpdate
    let today: CalendarDate

    /// The NCCIS field each rule names, as this API names it.
    static let fieldNames: [String: String] = [
        "ActivityCode": "code", "StartDate": "startDate", "DateAscertained": "dateAscertained", "DateVerified": "dateVerified",
        "ReviewDate": "reviewDate", "PredictedEndDate": "predictedEndDate", "NEETStartDate": "neetStartDate",
        "EstablishmentNumber": "establishmentNumber", "UKProviderReferenceNumber": "ukprn", "*": "code",
    ]

    func validated(person: PersonContext?) throws -> ActivityRecord {
        var errors: [APIProblem.FieldError] = []
        func note(_ field: String, _ rule: String, _ message: String) {
            errors.append(.init(field: field, rule: rule, message: message))
        }
        let code = ActivityCode(rawValue: update.code)
        if code == nil { note("code", "NCCIS 201", "\(update.code) is not an NCCIS activity code") }
        func date(_ text: String?, _ field: String) -> CalendarDate? {
            guard let text else { return nil }
            guard text.count == 10, let date = try? CalendarDate(iso: text, field: field) else {
                note(field, "format", "\(field) must be a date written YYYY-MM-DD")
                return nil
            }
            return date
        }
        let start = date(update.startDate, "startDate")
        let ascertained = date(update.dateAscertained, "dateAscertained")
        let verified = date(update.dateVerified, "dateVerified")
        let review = date(update.reviewDate, "reviewDate")
        let predictedEnd = date(update.predictedEndDate, "predictedEndDate")
        let neetStart = date(update.neetStartDate, "neetStartDate")
        for (value, field, limit) in [(update.establishmentNumber, "establishmentNumber", 7), (update.establishmentName, "establishmentName", 120), (update.ukprn, "ukprn", 8)] {
            if let value, value.count > limit { note(field, "maxLength", "\(field) is at most \(limit) characters") }
        }
        if let start, start > today {
            note("startDate", "future", "The start date cannot be in the future: record what they are doing now")
        }
        for (value, field) in [(ascertained, "dateAscertained"), (verified, "dateVerified")] {
            if let value, value > today { note(field, "NCCIS 305", "\(field) cannot be in the future") }
        }
        guard errors.isEmpty, let code, let start, let ascertained else { throw APIProblem.invalid(errors) }
        let activity = ActivityRecord(
            code: code, startDate: start, dateAscertained: ascertained, dateVerified: verified, reviewDate: review, predictedEndDate: predictedEnd,
            neetStartDate: neetStart, establishmentNumber: Self.blankless(update.establishmentNumber),
            establishmentName: Self.blankless(update.establishmentName), ukprn: Self.blankless(update.ukprn))
        var violations = ActivityEntryRules.check(activity)
        if let person { violations += PersonActivityRules.check(activity, for: person, on: today) }
        for violation in violations {
            note(Self.fieldNames[violation.field] ?? violation.field, violation.rule, violation.message)
        }
        guard errors.isEmpty else { throw APIProblem.invalid(errors) }
        return activity
    }

    private static func blankless(_ text: String?) -> String? {
        guard let trimmed = text?.trimmingCharacters(in: .whitespaces), !trimmed.isEmpty else { return nil }
        return trimmed
    }
}
