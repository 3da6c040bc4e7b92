/// What a young person can say they are doing on the self-service page, in
/// plain words, each mapped to the activity code a tracking officer would
/// record. The officer sees the code before verifying and can change it.
public enum SelfDeclaredActivity: String, CaseIterable, Sendable {
    case sixthForm = "sixth-form"
    case college
    case university
    case apprenticeship
    case jobWithTraining = "job-with-training"
    case jobWithoutTraining = "job-without-training"
    case partTimeJob = "part-time-job"
    case trainingCourse = "training-course"
    case volunteering
    case lookingForWork = "looking-for-work"
    case caring
    case parenting
    case illness

    /// The words the young person reads.
    public var label: String {
        switch self {
        case .sixthForm: "Studying at a school sixth form"
        case .college: "Studying at college"
        case .university: "Studying at university"
        case .apprenticeship: "Doing an apprenticeship"
        case .jobWithTraining: "Working, and my employer gives me training"
        case .jobWithoutTraining: "Working, without training"
        case .partTimeJob: "Working part-time"
        case .trainingCourse: "On a training course or programme"
        case .volunteering: "Volunteering"
        case .lookingForWork: "Looking for work, a course or training"
        case .caring: "Looking after a family member"
        case .parenting: "Looking after my own child"
        case .illness: "Not able to work or study because of illness"
        }
    }

    /// A hint under the label where the words alone might be unclear.
    public var hint: String? {
        switch self {
        case .college: "Full-time, including sixth-form colleges"
        case .partTimeJob: "Fewer than 20 hours a week"
        case .trainingCourse: "For example a traineeship or a course from a training provider"
        default: nil
        }
    }

    public var activityCode: ActivityCode {
        switch self {
        case .sixthForm: .schoolSixthForm
        case .college: .furtherEducation
        case .university: .higherEducation
        case .apprenticeship: .apprenticeship
        case .jobWithTraining: .employmentWithAccreditedTraining
        case .jobWithoutTraining: .employmentWithoutTraining
        case .partTimeJob: .partTimeEmployment
        case .trainingCourse: .otherTraining
        case .volunteering: .workingNotForReward
        case .lookingForWork: .seekingEET
        case .caring: .notAvailableYoungCarer
        case .parenting: .notAvailableTeenageParent
        case .illness: .notAvailableIllness
        }
    }

    /// Whether "where" means a school, college, employer or provider, so the page asks for it.
    public var hasPlace: Bool {
        switch self {
        case .lookingForWork, .caring, .parenting, .illness: false
        default: true
        }
    }

    /// How long a review lasts when the code needs one and the young person could not say.
    public static let reviewAfterDays = 84

    /// The verified activity: started when they said, found out when they
    /// answered, confirmed when the officer verified; a NEET spell starts when
    /// they said it did. A course's end is not asked (few know it), so it is
    /// taken as the end of the academic year, when currency is checked again;
    /// a code that needs a review date gets one twelve weeks on.
    ///
    /// `latestRecordedStart` is the start of the newest activity already on
    /// the record. The current activity is the one that started last, so a
    /// declared start before it (say "college since September" over an
    /// October "not known") is moved up to it; otherwise the verified answer
    /// would sit in the history and the young person would stay not known.
    public func activity(since: CalendarDate?, answeredOn: CalendarDate, verifiedOn: CalendarDate, place: String?,
                         latestRecordedStart: CalendarDate? = nil) -> ActivityRecord {
        var start = min(since ?? answeredOn, answeredOn)
        if let latest = latestRecordedStart, latest > start { start = min(latest, answeredOn) }
        let verified = max(verifiedOn, answeredOn)
        let code = activityCode
        let isNEET = code.group == .neet
        let predictedEnd = code.requiresPredictedEndDate ? AcademicYear(containing: verified).lastDay : nil
        var review = code.requiresReviewDate ? verified.adding(days: Self.reviewAfterDays) : nil
        if let end = predictedEnd, let planned = review, planned > end { review = end }
        return ActivityRecord(
            code: code, startDate: start, dateAscertained: answeredOn, dateVerified: verified, reviewDate: review, predictedEndDate: predictedEnd,
            neetStartDate: isNEET ? start : nil, establishmentName: isNEET ? nil : place.flatMap { $0.isEmpty ? nil : String($0.prefix(120)) })
    }
}
