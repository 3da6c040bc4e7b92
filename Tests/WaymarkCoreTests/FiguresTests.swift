import Testing

@testable import WaymarkCore

/// An activity as a caseworker would record it: ascertained on its start date unless said otherwise,
/// with a NEET start date exactly when the code needs one.
private func activity(
    _ code: ActivityCode, from start: String, ascertained: String? = nil, verified: String? = nil, review: String? = nil,
    end: String? = nil
) -> ActivityRecord {
    ActivityRecord(
        code: code, startDate: d(start), dateAscertained: d(ascertained ?? start), dateVerified: verified.map(d),
        reviewDate: review.map(d), predictedEndDate: end.map(d), neetStartDate: code.requiresNEETStartDate ? d(start) : nil)
}

private func person(
    _ id: Int64, born: String, status: CohortStatus = .primary, gender: Gender = .male, ethnicity: Ethnicity = .whiteBritish,
    activities: [ActivityRecord] = [], characteristics: [CharacteristicRecord] = [], needs: [NeedAssessment] = [],
    guarantees: [GuaranteeRecord] = [], school: String? = nil, ward: String? = nil
) -> FigureFacts {
    FigureFacts(
        personID: id, dateOfBirth: d(born), gender: gender, ethnicity: ethnicity, cohortStatus: status, activities: activities,
        characteristics: characteristics, needs: needs, guarantees: guarantees, schoolName: school, ward: ward)
}

private func need(send: Bool = false, senSupport: Bool = false, from: String) -> NeedAssessment {
    NeedAssessment(levelOfNeed: .supported, hasSEND: send, hasSENSupport: senSupport, validFrom: d(from))
}

/// One young person in each state, hand-checked at the period end 2026-11-30 (academic year 2026/27:
/// academic age 16 = born Sep 2009–Aug 2010, 17 = born Sep 2008–Aug 2009). Currency is Waymark's
/// default: education 12 months, employment and training 6, NEET 3, capped at the predicted end date.
private enum HandChecked {
    static let periodEnd = d("2026-11-30")

    /// 16, sixth-form college confirmed 2026-09-01, current until 2027-09-01: EET, full-time education.
    static let eetCurrent = person(
        1, born: "2010-01-10", gender: .female, activities: [activity(.sixthFormCollege, from: "2026-09-01", end: "2028-07-31")],
        school: "Hillside Academy", ward: "North")
    /// 17, apprenticeship last verified 2026-05-20: currency ran out 2026-11-20, before the period end,
    /// so the record is no longer confirmed and counts as not known (it was EET at the end of October).
    static let eetLapsed = person(
        2, born: "2009-02-02", activities: [activity(.apprenticeship, from: "2025-11-03", verified: "2026-05-20")], ward: "North")
    /// 16, seeking work since 2026-10-01 (ascertained 10-05, current to 2027-01-05): NEET. Pregnant, which is not a
    /// vulnerable-group characteristic; SEN support is assessed only from 2026-12-01, so at the end of November: no SEN.
    static let neetCurrent = person(
        3, born: "2010-05-05", gender: .female, ethnicity: .blackAfrican,
        activities: [activity(.seekingEET, from: "2026-10-01", ascertained: "2026-10-05")],
        characteristics: [CharacteristicRecord(code: .pregnancy, startDate: d("2026-09-01"))],
        needs: [need(senSupport: true, from: "2026-12-01")], school: "Hillside Academy")
    /// 17, not yet ready since February, lapsed since 2026-05-03: a lapsed NEET record stays NEET (DfE, April 2013).
    /// A care leaver (vulnerable group) with SEN support.
    static let neetLapsed = person(
        4, born: "2008-12-12", gender: .female, activities: [activity(.notYetReady, from: "2026-02-01", ascertained: "2026-02-03")],
        characteristics: [CharacteristicRecord(code: .careLeaver, startDate: d("2026-01-01"))],
        needs: [need(senSupport: true, from: "2024-09-01")])
    /// 16, recorded as 810 "current situation not known": not known.
    static let recordedNotKnown = person(
        5, born: "2009-11-11", ethnicity: .indian, activities: [activity(.notKnown, from: "2026-09-20")], school: "St Anne's, Northmere")
    /// 17, in custody (710): counted as "other" and kept out of the denominator.
    static let custody = person(
        6, born: "2008-10-10", activities: [activity(.custodyYoungAdultOffender, from: "2026-08-01", review: "2027-02-01")])
    /// 16, at college but transferred to another LA (T): that LA counts them now.
    static let mover = person(
        7, born: "2010-02-02", status: .transferred, activities: [activity(.furtherEducation, from: "2026-09-01", end: "2027-07-31")])
    /// 17, left England (E): a leaver, reported once and then not counted.
    static let leaver = person(8, born: "2009-04-04", status: .leftEngland, activities: [activity(.seekingEET, from: "2026-10-01")])
    /// Academic age 15: Year 11, tracked but not in the NEET cohort.
    static let yearEleven = person(9, born: "2011-01-15", activities: [activity(.registeredAtSchoolInArea, from: "2021-09-01")])
    /// 19 with an EHC plan: in the cohort (18–24 with SEND); supported internship: EET, training. Not 16–17, so not in participation.
    static let sendNineteen = person(
        10, born: "2007-03-01", activities: [activity(.supportedInternship, from: "2026-09-01", end: "2027-07-31")],
        needs: [need(send: true, from: "2015-09-01")])
    /// 19 with SEN support but no EHC plan: outside the tracked ages, even though NEET.
    static let nineteenWithoutSEND = person(
        11, born: "2007-05-01", activities: [activity(.seekingEET, from: "2026-10-01")], needs: [need(senSupport: true, from: "2015-09-01")])
    /// 17 with no activity at all: not known. Was looked after until June, so no longer in the vulnerable group.
    static let noActivity = person(
        12, born: "2009-06-06", gender: .unknown,
        characteristics: [CharacteristicRecord(code: .lookedAfter, startDate: d("2020-01-01"), endDate: d("2026-06-30"))])
    /// 17, employment without training since October: EET but not participation (no study, reference §2).
    static let employedWithoutTraining = person(
        13, born: "2009-03-03", gender: .female, activities: [activity(.employmentWithoutTraining, from: "2026-10-01")])
    /// 17, apprenticeship confirmed 2026-09-01, current to 2027-03-01: EET and participation (apprenticeship part).
    static let apprentice = person(14, born: "2008-11-20", activities: [activity(.apprenticeship, from: "2026-09-01")])
    /// 16, part-time education: EET and participation (other education and training part).
    static let partTimeStudent = person(
        15, born: "2010-07-07", activities: [activity(.partTimeEducation, from: "2026-09-01", end: "2027-06-30")])

    static let everyone = [
        eetCurrent, eetLapsed, neetCurrent, neetLapsed, recordedNotKnown, custody, mover, leaver, yearEleven, sendNineteen,
        nineteenWithoutSEND, noActivity, employedWithoutTraining, apprentice, partTimeStudent,
    ]

    static func report(dates: [CalendarDate] = [d("2026-10-31"), periodEnd, d("2026-12-31")]) -> FiguresReport {
        var calculator = FiguresCalculator(dates: dates)
        for facts in everyone { calculator.add(facts) }
        return calculator.result
    }
}

struct FiguresTests {
    @Test func handCheckedFixtureGivesExactHeadlineFigures() throws {
        let month = try #require(HandChecked.report().month(HandChecked.periodEnd))
        // EET: current college (1), SEND 19-year-old's internship (10), job without training (13), apprentice (14),
        // part-time student (15). The lapsed apprenticeship (2) is not among them.
        #expect(month.headline.eet == 5)
        // NEET: current (3) and lapsed (4), because a lapsed NEET record stays NEET.
        #expect(month.headline.neet == 2)
        // Not known: the lapsed apprenticeship (2), the recorded 810 (5) and nobody-knows (12).
        #expect(month.headline.notKnown == 3)
        #expect(month.notKnownByReason == [.lapsed: 1, .recordedNotKnown: 1, .noActivity: 1])
        // Custody (6) is counted but is not in the cohort used as the denominator.
        #expect(month.headline.other == 1)
        #expect(month.headline.cohort == 10)
        // Mover (7) and leaver (8) by cohort status, Year 11 (9) by age, 19 without SEND (11) by age.
        #expect(month.notInCohortByReason == [.leaver: 2, .compulsorySchoolAge: 1, .outsideTrackedAges: 1])
        #expect(month.peopleHeld == HandChecked.everyone.count)

        #expect(month.neetRate == Proportion(2, of: 10))
        #expect(month.neetRate.percentage == 20)
        #expect(month.notKnownRate.percentage == 30)
        #expect(month.neetOrNotKnownRate == Proportion(5, of: 10))
        #expect(month.neetOrNotKnownRate.percentage == 50)
    }

    @Test func oneCalculatorSeesEachDateAsItStood() throws {
        let report = HandChecked.report()
        let october = try #require(report.month(d("2026-10-31")))
        let november = try #require(report.month(HandChecked.periodEnd))
        // The apprenticeship verified 2026-05-20 was still current on 31 October (lapse date 2026-11-20)...
        #expect(october.notKnownByReason[.lapsed] == nil)
        #expect(october.headline.eet == 6)
        // ...and had lapsed by 30 November.
        #expect(november.notKnownByReason[.lapsed] == 1)
        // SEN support for person 3 starts on 1 December: none in November, SEN support in December.
        let december = try #require(report.month(d("2026-12-31")))
        #expect(november.bySEND[.senSupport] == StateCounts(neet: 1))
        #expect(december.bySEND[.senSupport] == StateCounts(neet: 2))
    }

    @Test func everyFigureAgreesWithTheClassifierPersonByPerson() {
        let classifier = ParticipationClassifier()
        let report = HandChecked.report()
        for month in report.months {
            var expected = StateCounts()
            for facts in HandChecked.everyone {
                switch classifier.classify(facts.participationFacts(on: month.date), on: month.date) {
                case .eet: expected.eet += 1
                case .neet: expected.neet += 1
                case .notKnown: expected.notKnown += 1
                case .other: expected.other += 1
                case .notInCohort: break
                }
            }
            #expect(month.headline == expected, "on \(month.date)")
        }
    }

    @Test func participationCountsOnlyCurrentActivitiesThatMeetTheDuty() throws {
        let participation = try #require(HandChecked.report().month(HandChecked.periodEnd)).participation
        // 16–17 in the denominator: 1, 2, 3, 4, 5, 12, 13, 14, 15. Custody (6) is left out as in the NEET
        // cohort, and the SEND 19-year-old (10) is past the duty to participate.
        #expect(participation.cohort == 9)
        // College (1), apprenticeship (14), part-time education (15). Not the lapsed apprenticeship (2): not
        // confirmed; not the job without training (13): EET but not participation.
        #expect(participation.count(.fullTimeEducation) == 1)
        #expect(participation.count(.apprenticeship) == 1)
        #expect(participation.count(.otherEducationAndTraining) == 1)
        #expect(participation.participating == 3)
        #expect(participation.rate == Proportion(3, of: 9))
        #expect(participation.rate(of: .apprenticeship) == Proportion(1, of: 9))
    }

    @Test func breakdownsSplitTheHeadlineByEachCharacteristic() throws {
        let month = try #require(HandChecked.report().month(HandChecked.periodEnd))
        // Academic age: 16 = 1, 3, 5, 15; 17 = 2, 4, 6, 12, 13, 14; 19 = 10.
        #expect(month.byAcademicAge.rows.map { $0.key } == [16, 17, 19])
        #expect(month.byAcademicAge[16] == StateCounts(eet: 2, neet: 1, notKnown: 1))
        #expect(month.byAcademicAge[17] == StateCounts(eet: 2, neet: 1, notKnown: 2, other: 1))
        #expect(month.byAcademicAge[19] == StateCounts(eet: 1))
        // Gender: female 1, 3, 4, 13; unknown 12; male the rest in the cohort.
        #expect(month.byGender[.female] == StateCounts(eet: 2, neet: 2))
        #expect(month.byGender[.male] == StateCounts(eet: 3, notKnown: 2, other: 1))
        #expect(month.byGender[.unknown] == StateCounts(notKnown: 1))
        #expect(month.byGender.rows.map { $0.key } == [.female, .male, .unknown])
        // Ethnicity: 3 is Black African, 5 Indian, the rest White British.
        #expect(month.byEthnicity[.blackAfrican] == StateCounts(neet: 1))
        #expect(month.byEthnicity[.indian] == StateCounts(notKnown: 1))
        #expect(month.byEthnicity[.whiteBritish] == StateCounts(eet: 5, neet: 1, notKnown: 2, other: 1))
        #expect(month.byEthnicGroup["Black"] == StateCounts(neet: 1))
        #expect(month.byEthnicGroup["White"] == month.byEthnicity[.whiteBritish])
        // SEND: the 19-year-old's EHC plan; 4's SEN support (3's starts later, 11 is out of the cohort).
        #expect(month.bySEND[.ehcPlan] == StateCounts(eet: 1))
        #expect(month.bySEND[.senSupport] == StateCounts(neet: 1))
        #expect(month.bySEND[.none] == StateCounts(eet: 4, neet: 1, notKnown: 3, other: 1))
        // Vulnerable group: only the care leaver (4); pregnancy (3) does not count and 12's care ended in June.
        #expect(month.byVulnerableGroup[true] == StateCounts(neet: 1))
        #expect(month.byVulnerableGroup[false] == StateCounts(eet: 5, neet: 1, notKnown: 3, other: 1))
        // School: 1 and 3 at Hillside, 5 at St Anne's; everyone else has none recorded and keeps a row.
        #expect(month.bySchool.rows.map { $0.key } == [.named("Hillside Academy"), .named("St Anne's, Northmere"), .notRecorded])
        #expect(month.bySchool[.named("Hillside Academy")] == StateCounts(eet: 1, neet: 1))
        #expect(month.bySchool[.notRecorded] == StateCounts(eet: 4, neet: 1, notKnown: 2, other: 1))
        // Ward: 1 (EET) and 2 (lapsed, not known) live in North.
        #expect(month.byWard[.named("North")] == StateCounts(eet: 1, notKnown: 1))
    }

    @Test func everyBreakdownAddsUpToTheHeadline() throws {
        let month = try #require(HandChecked.report().month(HandChecked.periodEnd))
        func total(_ counts: some Sequence<StateCounts>) -> StateCounts { counts.reduce(StateCounts(), +) }
        #expect(total(month.byAcademicAge.counts.values) == month.headline)
        #expect(total(month.byGender.counts.values) == month.headline)
        #expect(total(month.byEthnicity.counts.values) == month.headline)
        #expect(total(month.bySEND.counts.values) == month.headline)
        #expect(total(month.byVulnerableGroup.counts.values) == month.headline)
        #expect(total(month.bySchool.counts.values) == month.headline)
        #expect(total(month.byWard.counts.values) == month.headline)
    }
}

/// Four, then five, young people over December to February 2026/27, for the annual average.
private enum WinterFixture {
    static let people = [
        // At college all winter: EET in all three months.
        person(1, born: "2010-01-01", activities: [activity(.sixthFormCollege, from: "2026-09-01", end: "2028-07-31")]),
        // Seeking work since November, lapsing in February but still NEET: NEET in all three months.
        person(2, born: "2010-02-01", activities: [activity(.seekingEET, from: "2026-11-01")]),
        // Not known in December, then starts college on 10 January: EET in January and February.
        person(3, born: "2009-12-01", activities: [
            activity(.notKnown, from: "2026-09-15"), activity(.furtherEducation, from: "2027-01-10", end: "2027-07-31"),
        ]),
        // Apprenticeship verified 2026-07-15, so current until 2027-01-15: EET in December, not known after.
        person(4, born: "2009-05-01", activities: [activity(.apprenticeship, from: "2025-09-01", verified: "2026-07-15")]),
        // In custody until February (outside the denominator), then seeking work from 1 February: NEET in February.
        person(5, born: "2009-07-01", activities: [
            activity(.custodyYoungAdultOffender, from: "2026-06-01", review: "2027-03-01"), activity(.seekingEET, from: "2027-02-01"),
        ]),
    ]

    static let academicYear = AcademicYear(startYear: 2026)
    static let monthEnds = FiguresReport.monthEnds(from: d("2026-09-01"), through: d("2027-08-31"))

    static func report(dates: [CalendarDate] = monthEnds) -> FiguresReport {
        var calculator = FiguresCalculator(dates: dates)
        for facts in people { calculator.add(facts) }
        return calculator.result
    }
}

struct FiguresAverageTests {
    @Test func decemberToFebruaryAverageIsTheMeanOfTheThreeMonthEnds() throws {
        let report = WinterFixture.report()
        let december = try #require(report.month(d("2026-12-31")))
        let january = try #require(report.month(d("2027-01-31")))
        let february = try #require(report.month(d("2027-02-28")))
        // December: EET 1 and 4, NEET 2, not known 3 (custody 5 left out).
        #expect(december.headline == StateCounts(eet: 2, neet: 1, notKnown: 1, other: 1))
        // January: EET 1 and 3, NEET 2, not known 4 (lapsed).
        #expect(january.headline == StateCounts(eet: 2, neet: 1, notKnown: 1, other: 1))
        // February: 5 has left custody and is NEET, joining the denominator.
        #expect(february.headline == StateCounts(eet: 2, neet: 2, notKnown: 1))

        let average = try #require(report.decemberToFebruaryAverage(forAcademicYear: WinterFixture.academicYear))
        #expect(average.dates == [d("2026-12-31"), d("2027-01-31"), d("2027-02-28")])
        // NEET 25%, 25%, 40%; not known 25%, 25%, 20%; together 50%, 50%, 60%.
        #expect(average.neetPercentage == (25.0 + 25.0 + 40.0) / 3)
        #expect(average.notKnownPercentage == (25.0 + 25.0 + 20.0) / 3)
        #expect(average.neetOrNotKnownPercentage == (50.0 + 50.0 + 60.0) / 3)
    }

    @Test func decemberToFebruaryAverageNeedsAllThreeMonthEnds() {
        // February was not computed: an average of two months would pass for the annual figure.
        let report = WinterFixture.report(dates: [d("2026-12-31"), d("2027-01-31"), d("2027-02-27")])
        #expect(report.decemberToFebruaryAverage(forAcademicYear: WinterFixture.academicYear) == nil)
        #expect(WinterFixture.report().decemberToFebruaryAverage(forAcademicYear: AcademicYear(startYear: 2027)) == nil)
    }

    @Test func monthsAreReportedInDateOrderForTrends() {
        let report = WinterFixture.report(dates: [d("2027-01-31"), d("2026-12-31"), d("2027-01-31")])
        #expect(report.months.map(\.date) == [d("2026-12-31"), d("2027-01-31")])
        #expect(WinterFixture.report().months.count == 12)
    }

    @Test func monthEndsAreTheLastDaysOfTheMonthsInTheRange() {
        #expect(FiguresReport.monthEnd(year: 2028, month: 2) == d("2028-02-29"))
        #expect(FiguresReport.monthEnd(year: 2027, month: 2) == d("2027-02-28"))
        #expect(FiguresReport.monthEnd(year: 2026, month: 12) == d("2026-12-31"))
        // A month counts only when its last day is inside the range.
        #expect(FiguresReport.monthEnds(from: d("2026-09-15"), through: d("2027-02-27")) == [
            d("2026-09-30"), d("2026-10-31"), d("2026-11-30"), d("2026-12-31"), d("2027-01-31"),
        ])
        #expect(FiguresReport.monthEnds(from: d("2026-09-30"), through: d("2026-09-30")) == [d("2026-09-30")])
        #expect(FiguresReport.monthEnds(from: d("2026-09-01"), through: d("2026-09-29")).isEmpty)
    }

    @Test func proportionsKeepTheirCountsAndRoundHalfUp() {
        #expect(Proportion(1, of: 8).percentage == 12.5)
        #expect(Proportion(1, of: 8).percentageText == "12.5")
        #expect(Proportion(2, of: 3).percentageText == "66.7")
        #expect(Proportion(1, of: 16).percentageText == "6.3")
        #expect(Proportion(0, of: 5).percentageText == "0.0")
        // Nobody to measure: no rate, rather than a misleading 0%.
        #expect(Proportion(0, of: 0).percentage == nil)
        #expect(Proportion(0, of: 0).percentageText == "")
    }
}

/// The September Guarantee at 30 September 2026 (academic year 2026/27): 16-year-olds are measured on
/// their Year 11 guarantee and 17-year-olds on their Year 12 guarantee, both recorded for 2026/27.
struct FiguresGuaranteeTests {
    let date = d("2026-09-30")
    let la = LocalAuthorityCode.serviceChildrensEducation
    let thisYear = AcademicYear(startYear: 2026)
    let lastYear = AcademicYear(startYear: 2025)

    func guarantee(_ year: GuaranteeYear, _ academicYear: AcademicYear, _ status: GuaranteeStatus) -> GuaranteeRecord {
        GuaranteeRecord(year: year, academicYear: academicYear, status: status, laCode: la)
    }

    @Test func guaranteeCountsEachOutcomeAndMissingRecordsAsNotRecorded() throws {
        let people = [
            // 16, Year 11 offer made for 2026/27: offer made.
            person(1, born: "2010-03-01", guarantees: [guarantee(.year11, thisYear, .offerMade)]),
            // 16, only a record for the wrong academic year: not recorded for this one.
            person(2, born: "2010-04-01", guarantees: [guarantee(.year11, lastYear, .offerMade)]),
            // 17, Year 12 "continuing in education" (114): counts as an offer made.
            person(3, born: "2009-03-01", guarantees: [guarantee(.year12, thisYear, .continuingInEducation)]),
            // 17, last year's Year 11 offer is ignored; this year's Year 12 status is "not appropriate".
            person(4, born: "2009-04-01", guarantees: [guarantee(.year11, lastYear, .offerMade), guarantee(.year12, thisYear, .notAppropriateOther)]),
            // 16, has not applied (151): no offer.
            person(5, born: "2010-05-01", guarantees: [guarantee(.year11, thisYear, .hasNotApplied)]),
            // 16 with no record at all: not recorded.
            person(6, born: "2010-06-01"),
            // 16 but transferred away: not in our cohort.
            person(7, born: "2010-07-01", status: .transferred, guarantees: [guarantee(.year11, thisYear, .offerMade)]),
            // 15 (Year 11): too young for this guarantee.
            person(8, born: "2011-01-01", guarantees: [guarantee(.year11, AcademicYear(startYear: 2027), .offerMade)]),
            // 18 with an EHC plan: in the NEET cohort but past the guarantee ages.
            person(9, born: "2008-01-01", needs: [need(send: true, from: "2020-01-01")], guarantees: [guarantee(.year12, thisYear, .offerMade)]),
            // 17 in custody: still owed a guarantee; "not yet recorded" (159).
            person(10, born: "2009-05-01", activities: [activity(.custodyYoungAdultOffender, from: "2026-06-01", review: "2027-01-01")],
                guarantees: [guarantee(.year12, thisYear, .notYetRecorded)]),
        ]
        var calculator = FiguresCalculator(dates: [date])
        for facts in people { calculator.add(facts) }
        let figures = try #require(calculator.result.month(date)).guarantee

        #expect(figures.academicYear == thisYear)
        #expect(figures[.year11] == GuaranteeCounts(offerMade: 1, noOffer: 1, notRecorded: 2))
        #expect(figures[.year12] == GuaranteeCounts(offerMade: 1, offerNotAppropriate: 1, notRecorded: 1))
        #expect(figures.all == GuaranteeCounts(offerMade: 2, offerNotAppropriate: 1, noOffer: 1, notRecorded: 3))
        #expect(figures.all.cohort == 7)
        #expect(figures.all.offerMadeRate == Proportion(2, of: 7))
        #expect(figures.all.count(.notRecorded) == 3)
    }

    @Test func guaranteeYearFollowsAcademicAge() {
        #expect(GuaranteeFigures.guaranteeYear(forAcademicAge: 15) == nil)
        #expect(GuaranteeFigures.guaranteeYear(forAcademicAge: 16) == .year11)
        #expect(GuaranteeFigures.guaranteeYear(forAcademicAge: 17) == .year12)
        #expect(GuaranteeFigures.guaranteeYear(forAcademicAge: 18) == nil)
    }
}

struct FigureFactsTests {
    @Test func theNeedInForceIsTheLatestOnOrBeforeTheDate() {
        let facts = person(
            1, born: "2009-01-01",
            needs: [need(send: true, from: "2027-01-01"), need(senSupport: true, from: "2025-09-01"), need(from: "2024-09-01")])
        #expect(facts.sendStatus(on: d("2024-08-31")) == .none)
        #expect(facts.sendStatus(on: d("2024-09-01")) == .none)
        #expect(facts.sendStatus(on: d("2026-12-31")) == .senSupport)
        #expect(facts.sendStatus(on: d("2027-01-01")) == .ehcPlan)
        #expect(facts.participationFacts(on: d("2027-01-01")).hasSEND)
        #expect(!facts.participationFacts(on: d("2026-12-31")).hasSEND)
    }

    @Test func vulnerableGroupNeedsAVulnerableCharacteristicCurrentOnTheDate() {
        let facts = person(
            1, born: "2009-01-01",
            characteristics: [
                CharacteristicRecord(code: .caringForOwnChild, startDate: d("2026-01-01")),
                CharacteristicRecord(code: .supervisedByYOT, startDate: d("2026-03-01"), endDate: d("2026-06-30")),
            ])
        // Caring for own child is not in the DfE vulnerable group; YOT supervision is, while it lasts.
        #expect(!facts.isInVulnerableGroup(on: d("2026-02-01")))
        #expect(facts.isInVulnerableGroup(on: d("2026-06-30")))
        #expect(!facts.isInVulnerableGroup(on: d("2026-07-01")))
    }
}

/// The trend counts each month end with the classification alone: it must give
/// the headline the whole figures give, month by month, and the same winter average.
struct HeadlineTrendTests {
    static let people = HandChecked.everyone + WinterFixture.people.map { facts in
        var moved = facts
        moved.personID += 100
        return moved
    }

    @Test func eachMonthOfTheTrendIsTheHeadlineOfTheWholeFigures() throws {
        let dates = FiguresReport.monthEnds(from: d("2025-09-01"), through: d("2027-08-31"))
        var whole = FiguresCalculator(dates: dates)
        var trend = HeadlineTrendCalculator(dates: dates + [dates[3]])
        for facts in Self.people {
            whole.add(facts)
            trend.add(facts)
        }
        let report = whole.result
        let result = trend.result
        #expect(result.points.map(\.date) == dates, "24 month ends, once each, in order")
        for date in dates {
            #expect(result.counts(on: date) == report.month(date)?.headline, "\(date)")
        }
        #expect(result.points.contains { $0.counts.neet > 0 } && result.points.contains { $0.counts.notKnown > 0 })
        #expect(result.decemberToFebruaryAverage(forAcademicYear: WinterFixture.academicYear) == report.decemberToFebruaryAverage(forAcademicYear: WinterFixture.academicYear))
        #expect(result.academicYearsWithWinters == [AcademicYear(startYear: 2025), AcademicYear(startYear: 2026)])
        #expect(HeadlineTrend(report: report) == result, "an older result's months give the same trend")
    }
}

/// The trend walks each history forward with the dates instead of searching it
/// for every date: on any history, ties of start date included, it must give
/// the classifier the same facts the search does.
struct ParticipationFactsSweepTests {
    /// A small deterministic generator, so a failure can be run again.
    struct Generator {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
    }

    @Test func walkingTheHistoryGivesWhatSearchingItGivesOnEveryDate() {
        let dates = FiguresReport.monthEnds(from: d("2024-11-01"), through: d("2026-10-31"))
        let codes: [ActivityCode] = [.sixthFormCollege, .seekingEET, .notKnown, .apprenticeship, .furtherEducation, .custodyYoungAdultOffender]
        var random = Generator(state: 7)
        var people = HandChecked.everyone + WinterFixture.people
        for id in 0..<300 {
            // Starts drawn from few days, so several records often start on the same one.
            let day = { (random: inout Generator) in d("2024-06-01").adding(days: random.next(12) * 61) }
            let activities = (0..<random.next(6)).map { _ in
                let start = day(&random)
                return ActivityRecord(
                    code: codes[random.next(codes.count)], startDate: start, dateAscertained: start, dateVerified: nil, reviewDate: nil,
                    predictedEndDate: nil, neetStartDate: nil, establishmentName: "Provider \(random.next(3))")
            }
            let needs = (0..<random.next(4)).map { _ in
                NeedAssessment(levelOfNeed: .supported, hasSEND: random.next(2) == 0, hasSENSupport: false, validFrom: day(&random))
            }
            people.append(person(Int64(1_000 + id), born: "2008-0\(1 + random.next(9))-15", activities: activities, needs: needs))
        }
        for facts in people {
            #expect(facts.participationFacts(onEach: dates) == dates.map { facts.participationFacts(on: $0) }, "person \(facts.personID)")
        }
    }
}
