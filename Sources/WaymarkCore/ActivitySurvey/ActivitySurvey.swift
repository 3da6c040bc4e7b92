/// The Annual Activity Survey: where last year's Year 11 pupils were on 1 November.
///
/// For survey year Y (the autumn it is taken), the reference date is 1 November Y and the cohort is
/// the young people whose date of birth put them in Year 11 in academic year Y-1/Y, i.e. academic
/// age 16 on the reference date. Year group comes from the date of birth, as everywhere else in
/// Waymark; a pupil taught out of their age group is surveyed with their age group.
///
/// Cohort status decides who is in the survey (Waymark holds the status now, not its history, so it
/// is the status when the survey is produced, normally January):
/// - P and G: surveyed, destination from their activity;
/// - T (transferred) and E (left England): surveyed as ``SurveyDestination/movedAway``, so the
///   school's figures still account for every pupil;
/// - D, M, A and L: not surveyed (deceased, a duplicate, or statuses a 16-year-old cannot hold).
///
/// The destination is "the primary confirmed situation that starts on or before 1 Nov and has no
/// end date or ends on or after 1 Nov" (reference §7). Activities carry no end date in Waymark (the
/// next one's start ends them), so that is ``ActivityHistory/current(in:on:)`` on 1 November,
/// classified by the one classification function: a record whose currency lapsed before
/// 1 November is not confirmed and so "not known"; a lapsed NEET record stays NEET.
public struct ActivitySurvey: Sendable {
    public let surveyYear: Int
    /// The local authority's currency rules with the standard cohort policy: the survey cohort is
    /// fixed by Year 11 membership, so a local change to the tracked ages must not drop anybody.
    public let classifier: ParticipationClassifier

    public init(surveyYear: Int, classifier: ParticipationClassifier = .init()) {
        self.surveyYear = surveyYear
        self.classifier = ParticipationClassifier(cohort: .standard, currency: classifier.currency)
    }

    /// 1 November of the survey year (reference §5).
    public var referenceDate: CalendarDate { CalendarDate(unchecked: surveyYear, 11, 1) }

    /// The academic year the surveyed young people were in Year 11.
    public var year11AcademicYear: AcademicYear { AcademicYear(startYear: surveyYear - 1) }

    /// In Year 11 during ``year11AcademicYear``, whatever their cohort status.
    public func wasInYear11(_ facts: FigureFacts) -> Bool {
        AcademicAge.yearGroup(dateOfBirth: facts.dateOfBirth, on: year11AcademicYear.lastDay) == 11
    }

    /// The young person's survey row, or nil when they are not in the survey.
    public func row(for facts: FigureFacts) -> ActivitySurveyRow? {
        guard wasInYear11(facts) else { return nil }
        switch facts.cohortStatus {
        case .primary, .septemberGuarantee:
            let (code, destination) = situation(of: facts)
            return ActivitySurveyRow(personID: facts.personID, schoolName: facts.schoolName, activityCode: code, destination: destination)
        case .transferred, .leftEngland:
            return ActivitySurveyRow(personID: facts.personID, schoolName: facts.schoolName, activityCode: nil, destination: .movedAway)
        case .deceased, .duplicate, .ageReached, .sendCeased:
            return nil
        }
    }

    /// The confirmed activity code (if any) and destination on the reference date of someone still in the cohort.
    private func situation(of facts: FigureFacts) -> (ActivityCode?, SurveyDestination) {
        let date = referenceDate
        let participationFacts = facts.participationFacts(on: date)
        let code = participationFacts.currentActivity?.code
        switch classifier.classify(participationFacts, on: date) {
        case .eet:
            // The classifier only says EET for an education, employment or training code.
            guard let code else { return (nil, .notKnown) }
            return (code, SurveyDestination.forEET(code))
        case .neet: return (code, .neet)
        case .other: return (code, .custodyOrOther)
        case .notKnown(.recordedNotKnown): return (code, .notKnown)
        case .notKnown: return (nil, .notKnown)
        case .notInCohort:
            // Cannot happen for an active 16-year-old under the standard policy; never drop a pupil silently.
            return (nil, .notKnown)
        }
    }

    /// The national CSV's header. The layout is Waymark's own: the national one is not in our reference ([GAP]).
    public static let csvHeader = "LACode,YoungPersonsID,EstablishmentName,ActivityCode,DestinationGroup"

    /// One line of the national CSV, without a line ending; fields are CSV-escaped.
    /// - Parameters:
    ///   - laCode: the submitting (responsible) local authority.
    ///   - youngPersonsID: the 13-digit id the monthly return uses for this young person.
    public static func csvLine(for row: ActivitySurveyRow, laCode: LocalAuthorityCode, youngPersonsID: String) -> String {
        CSVText.line([
            laCode.code, youngPersonsID, row.schoolName ?? "", row.activityCode.map { String($0.rawValue) } ?? "",
            row.destination.rawValue,
        ])
    }

    /// The whole national CSV: the header, then one CRLF-ended line per row in the order given.
    public static func csv(_ rows: [(row: ActivitySurveyRow, youngPersonsID: String)], laCode: LocalAuthorityCode) -> String {
        CSVText.document([csvHeader] + rows.map { csvLine(for: $0.row, laCode: laCode, youngPersonsID: $0.youngPersonsID) })
    }
}
