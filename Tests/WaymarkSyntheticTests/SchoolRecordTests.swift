import Testing
import WaymarkCore
@testable import WaymarkSynthetic

/// The school data the risk model reads: there for everyone, the same for a
/// seed, dated no later than the reference date, and linked to later NEET
/// the way the evidence says — clearly, but not decisively.
struct SchoolRecordTests {
    static let la = SyntheticLA(SyntheticLAConfiguration(seed: 7, people: 6_000, referenceDate: d("2026-10-31")))
    static let people = la.people(1..<6_001)

    @Test func everyoneHasAttendanceAndNothingIsDatedAfterToday() {
        for person in Self.people.prefix(500) {
            #expect(person.schoolFacts.contains { $0.kind == .attendance })
            #expect(person.schoolFacts.allSatisfy { $0.date <= d("2026-10-31") })
        }
    }

    @Test func theSameSeedGivesTheSameSchoolData() {
        let again = SyntheticLA(SyntheticLAConfiguration(seed: 7, people: 6_000, referenceDate: d("2026-10-31")))
        #expect(again.person(321).schoolFacts == Self.people[320].schoolFacts)
        #expect(!Self.people[320].schoolFacts.isEmpty)
    }

    @Test func lowAttendanceAndFreeMealsRaiseTheChanceOfNEETWithoutDecidingIt() throws {
        var calculator = BackTestCalculator(settings: .standard, today: d("2026-10-31"))
        for person in Self.people where person.duplicateOf == nil {
            calculator.add(BackTestPerson(
                dateOfBirth: person.identity.dateOfBirth, gender: person.identity.gender, ethnicity: person.identity.ethnicity,
                facts: RiskFacts(characteristics: person.characteristics, needs: person.needs, schoolFacts: person.schoolFacts),
                activities: person.activities.map(\.record)))
        }
        let result = calculator.result()
        let age16 = result.age16
        #expect(age16.overall.people > 1_000)
        for indicator in [RiskIndicator.lowAttendance, .freeSchoolMeals, .exclusion] {
            let row = try #require(age16.indicators.first { $0.indicator == indicator })
            let with = try #require(row.with.rate)
            let without = try #require(row.without.rate)
            #expect(with > 1.5 * without, "\(indicator): NEET rate \(with) with it, \(without) without")
            #expect(with < 0.6, "\(indicator) is not decisive: \(with)")
        }
        let bands = age16.bands.map { $0.counts.rate ?? 0 }
        #expect(bands[0] < bands[1] && bands[1] < bands[2], "NEET rate rises from low to high: \(bands)")
        #expect((age16.overall.recall ?? 1) < 0.9, "the score is far from perfect")
    }
}
