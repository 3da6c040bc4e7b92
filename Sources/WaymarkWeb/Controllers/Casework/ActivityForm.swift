import Foundation
import WaymarkCore

/// "Update the activity": every NCCIS activity field, checked with the same
/// rules the statutory return applies, before anything is saved.
struct ActivityForm: Decodable, Sendable {
    var code: String?
    var startDate: DateEntry?
    var dateAscertained: DateEntry?
    var dateVerified: DateEntry?
    var reviewDate: DateEntry?
    var predictedEndDate: DateEntry?
    var neetStartDate: DateEntry?
    var establishmentNumber: String?
    var establishmentName: String?
    var ukprn: String?
    var once: String?

    enum CodingKeys: String, CodingKey {
        case code, ukprn, once
        case startDate = "start-date", dateAscertained = "date-ascertained", dateVerified = "date-verified", reviewDate = "review-date"
        case predictedEndDate = "predicted-end-date", neetStartDate = "neet-start-date"
        case establishmentNumber = "establishment-number", establishmentName = "establishment-name"
    }

    /// The code as chosen, nil when none was or it is not one.
    var activityCode: ActivityCode? {
        guard let text = code?.trimmingCharacters(in: .whitespaces), !text.isEmpty, text.count <= 4 else { return nil }
        return try? ActivityCode.parse(text)
    }

    /// The NCCIS field each rule names, mapped to the form field that holds it.
    static let fieldIDs: [String: String] = [
        "ActivityCode": "code", "StartDate": "start-date", "DateAscertained": "date-ascertained", "DateVerified": "date-verified",
        "ReviewDate": "review-date", "PredictedEndDate": "predicted-end-date", "NEETStartDate": "neet-start-date",
        "EstablishmentNumber": "establishment-number", "UKProviderReferenceNumber": "ukprn", "*": "code",
    ]

    func validated(person: PersonContext?, today: CalendarDate) -> (ActivityRecord?, FormProblems) {
        var problems = FormProblems()
        var activityCode: ActivityCode?
        if let text = code?.trimmingCharacters(in: .whitespaces), !text.isEmpty {
            activityCode = try? ActivityCode.parse(String(text.prefix(4)))
            if activityCode == nil { problems.add("code", "Choose an activity from the list (NCCIS 201: '\(text.prefix(10))' is not an activity code)") }
        } else {
            problems.add("code", "Choose the activity (NCCIS 200)")
        }
        // The two mandatory dates name their NCCIS errors (202, 203) like every other rule on this form.
        let start = problems.date(startDate, field: "start-date", label: "the start date", required: false)
        if Self.isBlank(startDate) { problems.add("start-date", "Enter the start date (NCCIS 202)") }
        let ascertained = problems.date(dateAscertained, field: "date-ascertained", label: "the date ascertained", required: false)
        if Self.isBlank(dateAscertained) { problems.add("date-ascertained", "Enter the date ascertained (NCCIS 203)") }
        let verified = problems.date(dateVerified, field: "date-verified", label: "the date verified", required: false)
        let review = problems.date(reviewDate, field: "review-date", label: "the review date", required: false)
        let predictedEnd = problems.date(predictedEndDate, field: "predicted-end-date", label: "the predicted end date", required: false)
        let neetStart = problems.date(neetStartDate, field: "neet-start-date", label: "the NEET start date", required: false)
        let number = problems.text(establishmentNumber, field: "establishment-number", label: "the establishment number", required: false, maxLength: 7)
        let name = problems.text(establishmentName, field: "establishment-name", label: "the establishment name", required: false, maxLength: 120)
        let provider = problems.text(ukprn, field: "ukprn", label: "the UKPRN", required: false, maxLength: 8)
        // A future activity is recorded when it starts; until then the
        // young person is doing something else, which is what the return must say.
        if let start, start > today {
            problems.add("start-date", "The start date cannot be in the future: record what they are doing now, or a start date agreed (615 or 616)")
        }
        for (date, field, label) in [(ascertained, "date-ascertained", "date ascertained"), (verified, "date-verified", "date verified")] {
            if let date, date > today { problems.add(field, "The \(label) cannot be in the future (NCCIS 305)") }
        }
        guard problems.isEmpty, let activityCode, let start, let ascertained else { return (nil, problems) }
        let activity = ActivityRecord(
            code: activityCode, startDate: start, dateAscertained: ascertained, dateVerified: verified, reviewDate: review,
            predictedEndDate: predictedEnd, neetStartDate: neetStart, establishmentNumber: number, establishmentName: name, ukprn: provider)
        var violations = ActivityEntryRules.check(activity)
        if let person { violations += PersonActivityRules.check(activity, for: person, on: today) }
        for violation in violations { problems.add(violation, fieldIDs: Self.fieldIDs) }
        Self.checkPreSixteenCurrency(activity, today: today, into: &problems)
        return (problems.isEmpty ? activity : nil, problems)
    }

    /// Error 909 at the next return: a pre-16 activity is current for one
    /// academic year, so one that neither started nor was verified in this
    /// academic year would be out of date the day it is saved.
    static func checkPreSixteenCurrency(_ activity: ActivityRecord, today: CalendarDate, into problems: inout FormProblems) {
        guard activity.code.group == .preSixteen else { return }
        let yearStart = AcademicYear(containing: today).firstDay
        guard activity.startDate < yearStart, (activity.dateVerified ?? activity.startDate) < yearStart else { return }
        problems.add(
            "start-date",
            "A pre-16 activity must have started, or been verified, on or after \(yearStart.longDescription), the start of this academic year (NCCIS 909)")
    }

    private static func isBlank(_ value: DateEntry?) -> Bool {
        value?.isBlank ?? true
    }
}
