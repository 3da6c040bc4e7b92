/// The national rules an activity must meet on its own, checked when it is
/// entered (rules that need the young person's other facts are in
/// ``PersonActivityRules``).
public enum ActivityEntryRules {
    public static func check(_ activity: ActivityRecord) -> [RuleViolation] {
        var found: [RuleViolation] = []
        if activity.dateAscertained < activity.startDate {
            found.append(.nccis(242, field: "DateAscertained", "The date ascertained cannot be before the start date"))
        }
        if let verified = activity.dateVerified {
            if verified < activity.startDate {
                found.append(.nccis(256, field: "DateVerified", "The date verified cannot be before the start date"))
            }
            if activity.dateAscertained > verified {
                found.append(.nccis(237, field: "DateAscertained", "The date ascertained cannot be after the date verified"))
            }
        }
        found += neetStartDateRules(activity)
        if activity.code.requiresReviewDate, activity.reviewDate == nil {
            found.append(.nccis(262, field: "ReviewDate", "\(activity.code.meaning) (\(activity.code.rawValue)) needs a review date"))
        }
        if activity.code.requiresPredictedEndDate, activity.predictedEndDate == nil {
            found.append(.nccis(259, field: "PredictedEndDate", "Education and training (other than apprenticeships) need a predicted end date"))
        }
        if let review = activity.reviewDate, let end = activity.predictedEndDate, review > end {
            found.append(.nccis(257, field: "ReviewDate", "The review date cannot be after the predicted end date"))
        }
        if let end = activity.predictedEndDate, end < activity.startDate {
            found.append(.nccis(258, field: "PredictedEndDate", "The predicted end date cannot be before the start date"))
        }
        if let number = activity.establishmentNumber, !(number.count == 7 && number.allSatisfy(\.isASCIIDigit)) {
            found.append(.nccis(228, field: "EstablishmentNumber", "The establishment number must be 7 digits (LA code and 4-digit number)"))
        }
        if let ukprn = activity.ukprn, !(ukprn.count == 8 && ukprn.first == "1" && ukprn.allSatisfy(\.isASCIIDigit)) {
            found.append(.nccis(39, field: "UKProviderReferenceNumber", "The UKPRN must be 8 digits starting with 1"))
        }
        return found
    }

    private static func neetStartDateRules(_ activity: ActivityRecord) -> [RuleViolation] {
        switch (activity.code.requiresNEETStartDate, activity.neetStartDate) {
        case (true, nil):
            return [.nccis(224, field: "NEETStartDate", "A NEET activity needs the date the NEET spell began")]
        case (false, .some):
            return [.nccis(226, field: "NEETStartDate", "Only NEET activities carry a NEET start date")]
        case (true, .some(let neetStart)) where neetStart > activity.startDate:
            return [.nccis(225, field: "NEETStartDate", "The NEET start date cannot be after the activity start date")]
        default:
            return []
        }
    }
}
