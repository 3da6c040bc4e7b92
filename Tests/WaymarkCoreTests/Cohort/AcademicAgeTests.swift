import Testing
import WaymarkCore

struct AcademicAgeTests {
    @Test func ageIsTakenOnThirtyFirstAugustBeforeTheAcademicYear() {
        // given someone born on 31 August 2009 and someone born a day later
        let oldest = d("2009-08-31")
        let youngest = d("2009-09-01")
        // then in 2026/27 the first is 17 and the second 16, all year
        #expect(AcademicAge.of(dateOfBirth: oldest, on: d("2026-09-01")) == 17)
        #expect(AcademicAge.of(dateOfBirth: youngest, on: d("2026-09-01")) == 16)
        #expect(AcademicAge.of(dateOfBirth: youngest, on: d("2027-08-31")) == 16)
        // and the age changes on 1 September, not on the birthday
        #expect(AcademicAge.of(dateOfBirth: youngest, on: d("2026-08-31")) == 15)
        #expect(AcademicAge.of(dateOfBirth: youngest, on: d("2026-09-01")) == 16)
    }

    @Test func leapDayBirthsAreInTheYearOfTheirBirthday() {
        let born = d("2008-02-29")
        #expect(AcademicAge.of(dateOfBirth: born, on: d("2025-09-01")) == 17)
        #expect(AcademicAge.yearGroup(dateOfBirth: born, on: d("2025-09-01")) == 13)
    }

    @Test func yearElevenIsAcademicAgeFifteen() {
        #expect(AcademicAge.yearGroup(dateOfBirth: d("2010-09-01"), on: d("2026-09-01")) == 11)
        #expect(AcademicAge.yearGroup(dateOfBirth: d("2010-08-31"), on: d("2026-09-01")) == 12)
    }

    @Test func theYearOfAYearGroupIsTheOneWhoseAcademicAgeFitsIt() {
        // Whatever the birthday, the year found puts the person in that year group, and the year before does not.
        for born in ["2009-03-14", "2008-09-01", "2009-08-31", "2008-02-29", "2012-12-31", "2010-01-01"].map(d) {
            for group in [7, 10, 11, 13] {
                let year = AcademicAge.academicYear(ofYearGroup: group, dateOfBirth: born)
                #expect(AcademicAge.yearGroup(dateOfBirth: born, on: year.firstDay) == group, "\(born) Year \(group)")
                #expect(AcademicAge.yearGroup(dateOfBirth: born, on: year.lastDay) == group)
                #expect(AcademicAge.yearGroup(dateOfBirth: born, on: year.firstDay.adding(days: -1)) == group - 1)
            }
        }
        #expect(AcademicAge.academicYear(ofYearGroup: 11, dateOfBirth: d("2009-03-14")) == AcademicYear(startYear: 2024))
    }
}
