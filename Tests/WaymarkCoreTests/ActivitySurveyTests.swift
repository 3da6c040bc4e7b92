import Testing

@testable import WaymarkCore

private func activity(
    _ code: ActivityCode, from start: String, ascertained: String? = nil, review: String? = nil, end: String? = nil
) -> ActivityRecord {
    ActivityRecord(
        code: code, startDate: d(start), dateAscertained: d(ascertained ?? start), reviewDate: review.map(d),
        predictedEndDate: end.map(d), neetStartDate: code.requiresNEETStartDate ? d(start) : nil)
}

/// Every Year 11 pupil finishes school with a current 110 from the start of secondary school.
private let yearElevenSchool = activity(.registeredAtSchoolInArea, from: "2021-09-01")

private func pupil(
    _ id: Int64, born: String = "2010-01-01", status: CohortStatus = .primary, school: String? = nil, _ activities: ActivityRecord...
) -> FigureFacts {
    FigureFacts(
        personID: id, dateOfBirth: d(born), gender: .female, ethnicity: .whiteBritish, cohortStatus: status,
        activities: [yearElevenSchool] + activities, schoolName: school)
}

/// Survey year 2026: where the Year 11 pupils of 2025/26 (born 1 Sep 2009 – 31 Aug 2010) were on 1 November 2026.
private enum SurveyFixture {
    static let hillside = "Hillside Academy"
    static let stAnnes = "St Anne's, Northmere"

    static let people = [
        // Further education since September: full-time education.
        pupil(1, school: hillside, activity(.furtherEducation, from: "2026-09-01", end: "2027-07-31")),
        // NEET over the summer, apprenticeship starting on 1 November itself: the apprenticeship counts.
        pupil(2, born: "2009-10-01", school: hillside, activity(.seekingEET, from: "2026-07-01"), activity(.apprenticeship, from: "2026-11-01")),
        // The youngest of the year group. NEET since 20 July (lapsed on 20 October, still NEET); the
        // apprenticeship starting 2 November is after the survey date and does not count.
        pupil(3, born: "2010-08-31", school: hillside, activity(.seekingEET, from: "2026-07-20"), activity(.apprenticeship, from: "2026-11-02")),
        // The oldest of the year group, with nothing since school: the 110 is not a post-16 situation, so not known.
        pupil(4, born: "2009-09-01", school: stAnnes),
        // Employment with accredited training meets the duty to participate: employment with training.
        pupil(5, school: stAnnes, activity(.employmentWithAccreditedTraining, from: "2026-09-10")),
        // Non-accredited training does not meet the duty: employment without training.
        pupil(6, school: stAnnes, activity(.employmentWithNonAccreditedTraining, from: "2026-09-10")),
        // Traineeship: other education and training.
        pupil(7, activity(.traineeship, from: "2026-09-01", end: "2027-03-31")),
        // A college course that was due to end 15 October: currency stops there, so on 1 November it is
        // not confirmed and the young person is not known.
        pupil(8, activity(.furtherEducation, from: "2026-09-01", end: "2026-10-15")),
        // Recorded as cannot be contacted (820): not known, and the code is reported.
        pupil(9, activity(.cannotBeContacted, from: "2026-10-01")),
        // Custody: its own group.
        pupil(10, activity(.custodyYoungAdultOffender, from: "2026-10-01", review: "2027-01-01")),
        // Transferred to another LA, and left England: moved away, with no code (their new LA reports it).
        pupil(11, status: .transferred, school: hillside, activity(.furtherEducation, from: "2026-09-01", end: "2027-07-31")),
        pupil(12, status: .leftEngland),
        // Deceased: not surveyed.
        pupil(13, status: .deceased),
        // A day too old (Year 12 in 2025/26) and a day too young (Year 10): not in the survey.
        pupil(14, born: "2009-08-31", activity(.furtherEducation, from: "2026-09-01", end: "2027-07-31")),
        pupil(15, born: "2010-09-01"),
        // Cohort status G still counts: sixth form, full-time education.
        pupil(16, status: .septemberGuarantee, activity(.schoolSixthForm, from: "2026-09-01", end: "2028-07-31")),
    ]

    static let survey = ActivitySurvey(surveyYear: 2026)

    static func rows(_ survey: ActivitySurvey = survey) -> [Int64: ActivitySurveyRow] {
        var rows: [Int64: ActivitySurveyRow] = [:]
        for facts in people {
            if let row = survey.row(for: facts) { rows[facts.personID] = row }
        }
        return rows
    }
}

struct ActivitySurveyTests {
    @Test func surveyDatesFollowTheSurveyYear() {
        #expect(SurveyFixture.survey.referenceDate == d("2026-11-01"))
        #expect(SurveyFixture.survey.year11AcademicYear == AcademicYear(startYear: 2025))
    }

    @Test func destinationsAreTheConfirmedSituationOnFirstNovember() {
        let rows = SurveyFixture.rows()
        func expectRow(_ id: Int64, _ code: ActivityCode?, _ destination: SurveyDestination) {
            #expect(rows[id]?.activityCode == code, "person \(id)")
            #expect(rows[id]?.destination == destination, "person \(id)")
        }
        expectRow(1, .furtherEducation, .fullTimeEducation)
        expectRow(2, .apprenticeship, .apprenticeship)
        expectRow(3, .seekingEET, .neet)
        expectRow(4, nil, .notKnown)
        expectRow(5, .employmentWithAccreditedTraining, .employmentWithTraining)
        expectRow(6, .employmentWithNonAccreditedTraining, .employmentWithoutTraining)
        expectRow(7, .traineeship, .otherEducationAndTraining)
        expectRow(8, nil, .notKnown)
        expectRow(9, .cannotBeContacted, .notKnown)
        expectRow(10, .custodyYoungAdultOffender, .custodyOrOther)
        expectRow(11, nil, .movedAway)
        expectRow(12, nil, .movedAway)
        expectRow(16, .schoolSixthForm, .fullTimeEducation)
        #expect(rows[1]?.schoolName == SurveyFixture.hillside)
        #expect(rows[11]?.schoolName == SurveyFixture.hillside)
    }

    @Test func onlyLastYearsYearElevenStillOursOrMovedAwayAreSurveyed() {
        // Deceased (13), Year 12 (14) and Year 10 (15) are left out; everyone else has a row.
        #expect(Set(SurveyFixture.rows().keys) == Set(Array(1...12) + [16]))
        // The deceased pupil was in Year 11; the survey leaves them out for their status, not their age.
        let deceased = SurveyFixture.people.first { $0.personID == 13 }!
        let yearTwelve = SurveyFixture.people.first { $0.personID == 14 }!
        #expect(SurveyFixture.survey.wasInYear11(deceased))
        #expect(!SurveyFixture.survey.wasInYear11(yearTwelve))
    }

    @Test func activityStartingOnFirstNovemberCountsButNotOnSecond() {
        let nextDay = pupil(20, activity(.seekingEET, from: "2026-09-01"), activity(.sixthFormCollege, from: "2026-11-02", end: "2028-07-31"))
        var sameDay = nextDay
        sameDay.activities[2].startDate = d("2026-11-01")
        sameDay.activities[2].dateAscertained = d("2026-11-01")
        #expect(SurveyFixture.survey.row(for: sameDay)?.destination == .fullTimeEducation)
        #expect(SurveyFixture.survey.row(for: nextDay)?.destination == .neet)
    }

    @Test func currencyComesFromTheLocalAuthoritysClassifier() {
        // With education current for one month only, the college course confirmed on 1 September
        // lapsed on 1 October and the young person is not known on 1 November.
        var periods = CurrencyPolicy.waymarkDefault.periods
        periods[.education] = .months(1)
        let strict = ActivitySurvey(surveyYear: 2026, classifier: ParticipationClassifier(currency: CurrencyPolicy(periods: periods)))
        #expect(SurveyFixture.rows(strict)[1]?.destination == .notKnown)
        #expect(SurveyFixture.rows(strict)[1]?.activityCode == nil)
        // A local change of tracked ages does not shrink the Year 11 cohort.
        let olderAges = ParticipationClassifier(cohort: CohortPolicy(coreAges: 17...18))
        #expect(SurveyFixture.rows(ActivitySurvey(surveyYear: 2026, classifier: olderAges)) == SurveyFixture.rows())
    }

    @Test func everyEETCodeHasADestinationGroup() {
        let fullTime: [ActivityCode] = [
            .schoolSixthForm, .sixthFormCollege, .furtherEducation, .higherEducation, .fullTimeEducationOther,
            .independentSpecialistProvider, .custodialEducation,
        ]
        let withTraining: [ActivityCode] = [.employmentWithAccreditedTraining, .selfEmploymentWithStudy, .workingNotForRewardWithStudy]
        let withoutTraining: [ActivityCode] = [
            .employmentWithoutTraining, .employmentWithNonAccreditedTraining, .temporaryEmployment, .partTimeEmployment, .selfEmployment,
        ]
        for code in ActivityCode.allCases where code.group.isEET {
            let expected: SurveyDestination =
                code == .apprenticeship ? .apprenticeship
                : fullTime.contains(code) ? .fullTimeEducation
                : withTraining.contains(code) ? .employmentWithTraining
                : withoutTraining.contains(code) ? .employmentWithoutTraining
                : .otherEducationAndTraining
            #expect(SurveyDestination.forEET(code) == expected, "code \(code.rawValue)")
        }
        // The rest of education and all of training: part-time education, gap year, 4xx.
        #expect(SurveyDestination.forEET(.partTimeEducation) == .otherEducationAndTraining)
        #expect(SurveyDestination.forEET(.gapYear) == .otherEducationAndTraining)
        #expect(SurveyDestination.forEET(.supportedInternship) == .otherEducationAndTraining)
    }
}

struct ActivitySurveyCSVTests {
    let kent = try! LocalAuthorityRegistry.national.code("886")

    @Test func nationalLinesAreEscaped() {
        let row = ActivitySurveyRow(personID: 1, schoolName: "St Anne's, \"Upper\" School", activityCode: .apprenticeship, destination: .apprenticeship)
        #expect(ActivitySurvey.csvHeader == "LACode,YoungPersonsID,EstablishmentName,ActivityCode,DestinationGroup")
        // A comma or a quote makes the field quoted, with the quotes inside doubled.
        #expect(ActivitySurvey.csvLine(for: row, laCode: kent, youngPersonsID: "8860000000001")
            == "886,8860000000001,\"St Anne's, \"\"Upper\"\" School\",310,apprenticeship")
        // A line break is quoted too, so the record stays one CSV record.
        var multiline = row
        multiline.schoolName = "Hillside\nAcademy"
        #expect(ActivitySurvey.csvLine(for: multiline, laCode: kent, youngPersonsID: "2")
            == "886,2,\"Hillside\nAcademy\",310,apprenticeship")
        multiline.schoolName = "Hillside\r\nAcademy"
        #expect(ActivitySurvey.csvLine(for: multiline, laCode: kent, youngPersonsID: "2")
            == "886,2,\"Hillside\r\nAcademy\",310,apprenticeship")
        // Nothing confirmed and no school: empty fields, not "nil".
        let unknown = ActivitySurveyRow(personID: 2, schoolName: nil, activityCode: nil, destination: .notKnown)
        #expect(ActivitySurvey.csvLine(for: unknown, laCode: kent, youngPersonsID: "3") == "886,3,,,not known")
    }

    @Test func nationalFileHasAHeaderAndCRLFLines() {
        let rows = [
            (row: ActivitySurveyRow(personID: 1, schoolName: "Hillside", activityCode: .furtherEducation, destination: .fullTimeEducation),
                youngPersonsID: "1"),
            (row: ActivitySurveyRow(personID: 2, schoolName: "Hillside", activityCode: nil, destination: .movedAway), youngPersonsID: "2"),
        ]
        #expect(ActivitySurvey.csv(rows, laCode: kent)
            == "LACode,YoungPersonsID,EstablishmentName,ActivityCode,DestinationGroup\r\n"
            + "886,1,Hillside,230,full-time education\r\n886,2,Hillside,,moved away\r\n")
    }
}

struct SchoolDestinationsTests {
    @Test func summaryCountsEachSchoolsDestinations() throws {
        let rows = SurveyFixture.rows().values.sorted { $0.personID < $1.personID }
        let summary = ActivitySurveySummary(rows)
        let schools = summary.schools
        // Named schools in order, pupils with no school recorded last.
        #expect(schools.map(\.school) == [.named(SurveyFixture.hillside), .named(SurveyFixture.stAnnes), .notRecorded])
        // Hillside: college (1), apprenticeship (2), NEET (3), moved away (11).
        let hillside = schools[0]
        #expect(hillside.total == 4)
        #expect(hillside.count(.fullTimeEducation) == 1)
        #expect(hillside.count(.apprenticeship) == 1)
        #expect(hillside.count(.neet) == 1)
        #expect(hillside.count(.movedAway) == 1)
        #expect(hillside.share(.neet) == Proportion(1, of: 4))
        // St Anne's: not known (4), employment with (5) and without (6) training.
        #expect(schools[1].destinations == DestinationCounts([.notKnown: 1, .employmentWithTraining: 1, .employmentWithoutTraining: 1]))
        // No school recorded: 7, 8, 9, 10, 12 and 16.
        #expect(schools[2].destinations == DestinationCounts([
            .otherEducationAndTraining: 1, .notKnown: 2, .custodyOrOther: 1, .movedAway: 1, .fullTimeEducation: 1,
        ]))
        #expect(summary.allSchools.total == rows.count)
        #expect(summary.allSchools.count(.notKnown) == 3)
        // Shares are of everyone surveyed, so they add up to the whole cohort.
        #expect(SurveyDestination.allCases.map { hillside.share($0).count }.reduce(0, +) == hillside.total)
    }

    @Test func summaryCSVHasALinePerSchoolAndATotal() {
        let summary = ActivitySurveySummary([
            ActivitySurveyRow(personID: 1, schoolName: "Hillside", activityCode: .furtherEducation, destination: .fullTimeEducation),
            ActivitySurveyRow(personID: 2, schoolName: "Hillside", activityCode: .seekingEET, destination: .neet),
            ActivitySurveyRow(personID: 3, schoolName: "St Anne's, Northmere", activityCode: nil, destination: .movedAway),
            ActivitySurveyRow(personID: 4, schoolName: nil, activityCode: nil, destination: .notKnown),
        ])
        let lines = summary.csv.split(separator: "\r\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines == [
            "School,Cohort,full-time education,full-time education %,apprenticeship,apprenticeship %,"
                + "employment with training,employment with training %,employment without training,employment without training %,"
                + "other education and training,other education and training %,NEET,NEET %,not known,not known %,"
                + "custody or other,custody or other %,moved away,moved away %",
            "Hillside,2,1,50.0,0,0.0,0,0.0,0,0.0,0,0.0,1,50.0,0,0.0,0,0.0,0,0.0",
            "\"St Anne's, Northmere\",1,0,0.0,0,0.0,0,0.0,0,0.0,0,0.0,0,0.0,0,0.0,0,0.0,1,100.0",
            "Not recorded,1,0,0.0,0,0.0,0,0.0,0,0.0,0,0.0,0,0.0,1,100.0,0,0.0,0,0.0",
            "All schools,4,1,25.0,0,0.0,0,0.0,0,0.0,0,0.0,1,25.0,1,25.0,0,0.0,1,25.0",
            "",
        ])
    }
}
