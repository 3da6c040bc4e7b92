import Testing
import WaymarkCore

/// A position holds, unchanged, on every day from the day it was computed
/// until the day it says it may change; on that day the classifier may differ.
struct ParticipationPositionTests {
    let classifier = ParticipationClassifier()
    let start = d("2026-11-18")

    var histories: [(born: CalendarDate, status: CohortStatus, activities: [ActivityRecord], needs: [NeedFact])] {
        let college = ActivityRecord(code: .furtherEducation, startDate: d("2026-09-01"), dateAscertained: d("2026-09-10"), predictedEndDate: d("2027-06-30"))
        let job = ActivityRecord(code: .employmentWithoutTraining, startDate: d("2026-10-01"), dateAscertained: d("2026-10-01"), reviewDate: d("2027-01-15"))
        let later = ActivityRecord(code: .apprenticeship, startDate: d("2027-02-01"), dateAscertained: d("2027-02-01"))
        let notKnown = ActivityRecord(code: .notKnown, startDate: d("2026-11-01"), dateAscertained: d("2026-11-01"))
        let send = NeedFact(validFrom: d("2027-03-01"), hasSEND: true)
        return [
            (d("2010-03-04"), .primary, [college], []),
            (d("2009-12-25"), .primary, [job, later], []),
            (d("2008-10-10"), .primary, [job], [send]),
            (d("2011-08-31"), .primary, [], []),
            (d("2009-09-01"), .septemberGuarantee, [notKnown, later], []),
            (d("2009-05-05"), .leftEngland, [college], []),
            (d("2007-06-01"), .primary, [college, later], [NeedFact(validFrom: d("2020-01-01"), hasSEND: true), send]),
        ]
    }

    @Test func aPositionHoldsUntilItsDayAndEachDayAfterIsClassifiedAfresh() {
        for history in histories {
            var day = start
            var changes = 0
            while day < d("2029-01-01") {
                let position = classifier.position(
                    dateOfBirth: history.born, cohortStatus: history.status, activities: history.activities, needs: history.needs, on: day)
                #expect(position.validUntil > day)
                var check = day
                while check < position.validUntil {
                    let again = classifier.position(
                        dateOfBirth: history.born, cohortStatus: history.status, activities: history.activities, needs: history.needs, on: check)
                    #expect(again.state == position.state, "born \(history.born.iso): \(check.iso) differs from \(day.iso) before \(position.validUntil.iso)")
                    check = check.adding(days: 1)
                }
                day = position.validUntil
                changes += 1
            }
            #expect(changes >= 2)
        }
    }

    @Test func everyStateIsWrittenAndReadBackTheSame() {
        let states: [ParticipationState] = [.eet(.training), .neet, .notKnown(.lapsed), .other, .notInCohort(.compulsorySchoolAge)]
        for state in states {
            #expect(ParticipationState(storedKind: state.storedKind, detail: state.storedDetail) == state)
        }
    }
}
