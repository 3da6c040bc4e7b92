import Testing
import WaymarkCore

/// The rule of who a school, college or provider reaches, and the periods
/// activities give the school history.
struct ReachPolicyTests {
    let policy = ReachPolicy.standard

    @Test func aLeaverIsReachedForThreeWholeAcademicYearsAfterTheOneTheyLeftIn() {
        // given a pupil whose Year 11 ended in July 2025 (academic year 2024/25)
        let school = [EnrolmentSpell(organisationID: 1, yearGroup: 11, from: d("2024-09-01"), to: d("2025-07-18"))]
        func reached(on day: String) -> Bool { policy.reach(of: 1, kind: .school, on: d(day)).reaches(school) }
        // then the school reaches them through 2025/26, 2026/27 and 2027/28, and not from 1 September 2028
        #expect(reached(on: "2025-07-18") && reached(on: "2025-09-01") && reached(on: "2028-08-31"))
        #expect(!reached(on: "2028-09-01"))
        #expect(policy.endedNoEarlierThan(on: d("2028-08-31")) == d("2024-09-01"))
        #expect(policy.endedNoEarlierThan(on: d("2028-09-01")) == d("2025-09-01"))
        #expect(ReachPolicy(leaverAcademicYears: 0).endedNoEarlierThan(on: d("2026-11-18")) == d("2026-09-01"), "0: this academic year's leavers only")
    }

    @Test func aSchoolReachesLeaversOnlyIfTheyWereOnItsRollInYear11() {
        let reach = policy.reach(of: 1, kind: .school, on: d("2026-11-18"))
        let leftInYear10 = [EnrolmentSpell(organisationID: 1, yearGroup: 10, from: d("2025-09-01"), to: d("2026-08-31"))]
        let sixthFormLeaver = [
            EnrolmentSpell(organisationID: 1, yearGroup: 11, from: d("2021-09-01"), to: d("2022-08-31")),
            EnrolmentSpell(organisationID: 1, yearGroup: nil, from: d("2022-09-05"), to: d("2024-07-19")),
        ]
        let current = [EnrolmentSpell(organisationID: 1, yearGroup: 9, from: d("2026-09-01"), to: nil)]
        let elsewhere = [EnrolmentSpell(organisationID: 2, yearGroup: 11, from: d("2026-09-01"), to: nil)]
        #expect(!reach.reaches(leftInYear10))
        #expect(reach.reaches(sixthFormLeaver), "the window runs from leaving the school, not from leaving Year 11")
        #expect(reach.reaches(current) && !reach.reaches(elsewhere))
    }

    @Test func collegesAndProvidersReachWhoEnrolsAndEmployersNobody() {
        let spells = [EnrolmentSpell(organisationID: 5, yearGroup: nil, from: d("2023-09-04"), to: d("2024-02-29"))]
        #expect(policy.reach(of: 5, kind: .furtherEducationCollege, on: d("2026-11-18")).reaches(spells))
        #expect(!policy.reach(of: 5, kind: .furtherEducationCollege, on: d("2027-09-01")).reaches(spells))
        #expect(!policy.reach(of: 5, kind: .trainingProvider, on: d("2023-09-03")).reaches(spells), "not before they start")
        #expect(policy.reach(of: 5, kind: .employer, on: d("2024-01-01")).rule == .nobody)
        #expect(!policy.reach(of: 5, kind: .employer, on: d("2024-01-01")).reaches(spells))
        #expect(policy.reach(of: 5, kind: .specialSchool, on: d("2024-01-01")).rule == .schoolRoll)
    }

    @Test func anActivityEnrolsUntilItsPredictedEndOrTheNextActivity() {
        let periods = ActivityEnrolment.periods([
            (d("2025-09-01"), d("2027-07-31")),
            (d("2026-03-01"), nil),
            (d("2026-03-01"), d("2026-06-30")),
            (d("2026-09-07"), d("2026-08-01")),
        ])
        #expect(periods.map(\.from) == [d("2025-09-01"), d("2026-03-01"), d("2026-03-01"), d("2026-09-07")])
        #expect(periods.map(\.to) == [d("2026-02-28"), d("2026-03-01"), d("2026-06-30"), d("2026-09-07")],
                "ended the day before the next; one starting the same day ends it that day; never before it began")
        #expect(ActivityEnrolment.period(start: d("2026-09-07"), predictedEnd: nil, nextStart: nil).to == nil)
    }

    @Test func whichActivitiesAndOrganisationsEnrol() {
        #expect(EnrolmentKind.enrols(.furtherEducation) && EnrolmentKind.enrols(.apprenticeship) && EnrolmentKind.enrols(.otherTraining))
        #expect(!EnrolmentKind.enrols(.registeredAtSchoolInArea) && !EnrolmentKind.enrols(.seekingEET) && !EnrolmentKind.enrols(.notKnown))
        #expect(EnrolmentKind(organisation: .sixthFormCollege) == .college && EnrolmentKind(organisation: .specialSchool) == .schoolRoll)
        #expect(EnrolmentKind(organisation: .agency) == nil && EnrolmentKind(organisation: .localAuthority) == nil)
    }
}
