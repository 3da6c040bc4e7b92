import WaymarkCore

/// "Update the activity": every NCCIS activity field, checked with the same
/// rules the statutory return applies, before anything is saved.
struct ActivityForm: Decodable, Sendable {
    var code: String?
    var startDate: String?
    var dateAscertained: String?
    var dateVerified: String?
    var reviewDate: String?
    var predictedEndDate: String?
    var neetStartDate: String?
    var establishmentNumber: String?
    var establishmentName: String?
    var ukprn: String?

    enum CodingKeys: String, CodingKey {
        case code, ukprn
        case startDate = "start-date", dateAscertained = "date-ascertained", dateVerified = "date-verified", reviewDate = "review-date"
        case predictedEndDate = "predicted-end-date", neetStartDate = "neet-start-date"
        case establishmentNumber = "establishment-number", establishmentName = "establishment-name"
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
        let start = problems.date(startDate, field: "start-date", label: "the start date", required: true)
        let ascertained = problems.date(dateAscertained, field: "date-ascertained", label: "the date ascertained", required: true)
        let verified = problems.date(dateVerified, field: "date-verified", label: "the date verified", required: false)
        let review = problems.date(reviewDate, field: "review-date", label: "the review date", required: false)
        let predictedEnd = problems.date(predictedEndDate, field: "predicted-end-date", label: "the predicted end date", required: false)
        let neetStart = problems.date(neetStartDate, field: "neet-start-date", label: "the NEET start date", required: false)
        let number = problems.text(establishmentNumber, field: "establishment-number", label: "the establishment number", required: false, maxLength: 7)
        let name = problems.text(establishmentName, field: "establishment-name", label: "the establishment name", required: false, maxLength: 120)
        let provider = problems.text(ukprn, field: "ukprn", label: "the UKPRN", required: false, maxLength: 8)
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
        return (problems.isEmpty ? activity : nil, problems)
    }
}
