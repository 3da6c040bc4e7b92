import Testing
import WaymarkCore

/// The back-test must find a relationship that is there and not find one
/// that is not: pupils are made with a planted link between one indicator
/// and later NEET (or none), and the calculator's tables must show it.
struct BackTestCalculatorTests {
    static let today = d("2026-10-31")

    /// A past Year 11 pupil (Year 11 in 2023/24) whose Year 10 attendance was
    /// low or not, NEET at 16 or in education, and NEET or not at 17.
    static func pupil(lowAttendance: Bool, neet: Bool, fsm: Bool) -> BackTestPerson {
        var facts = RiskFacts(schoolFacts: [SchoolFact(kind: .attendance, date: d("2023-07-20"), value: lowAttendance ? 78 : 96)])
        if fsm { facts.schoolFacts.append(SchoolFact(kind: .freeSchoolMeals, date: d("2019-09-05"), code: "eligible")) }
        let code: ActivityCode = neet ? .seekingEET : .furtherEducation
        let activity = ActivityRecord(
            code: code, startDate: d("2024-09-10"), dateAscertained: d("2024-09-12"), dateVerified: d("2025-01-20"),
            predictedEndDate: neet ? nil : d("2026-07-31"), neetStartDate: neet ? d("2024-09-10") : nil)
        return BackTestPerson(dateOfBirth: d("2008-03-14"), gender: .female, ethnicity: .whiteBritish, facts: facts, activities: [activity])
    }

    static func run(neetChance: (Bool) -> Double, seed: UInt64) -> BackTestResult {
        var random = SplitMix(seed: seed)
        var calculator = BackTestCalculator(settings: .standard, today: today)
        for _ in 0..<4_000 {
            let low = random.chance(0.15)
            calculator.add(pupil(lowAttendance: low, neet: random.chance(neetChance(low)), fsm: random.chance(0.2)))
        }
        return calculator.result()
    }

    @Test func aPlantedRelationshipIsRecovered() {
        let result = Self.run(neetChance: { $0 ? 0.6 : 0.05 }, seed: 11)
        let age16 = result.age16
        let row = age16.indicators.first { $0.indicator == .lowAttendance }
        let with = row?.with.rate ?? 0
        let without = row?.without.rate ?? 1
        #expect(with > 0.5 && without < 0.08, "NEET rate with low attendance \(with), without \(without)")
        // Low attendance alone is 3 points: medium. The medium band holds them, the low band the rest.
        let medium = age16.bands.first { $0.label == "Medium" }?.counts.rate ?? 0
        let low = age16.bands.first { $0.label == "Low" }?.counts.rate ?? 1
        #expect(medium > 6 * low)
        #expect((age16.overall.recall ?? 0) > 0.6)
        #expect((age16.overall.precision ?? 0) > 0.5)
        #expect(result.cohorts == [2023])
        #expect(age16.overall.people == 4_000)
    }

    @Test func noRelationshipShowsAsNone() {
        let result = Self.run(neetChance: { _ in 0.12 }, seed: 12)
        let age16 = result.age16
        let row = age16.indicators.first { $0.indicator == .lowAttendance }
        let with = row?.with.rate ?? 0
        let without = row?.without.rate ?? 0
        #expect(abs(with - without) < 0.05, "with \(with), without \(without)")
        let overall = age16.overall.rate ?? 0
        #expect(abs((age16.overall.precision ?? 0) - overall) < 0.05, "precision is no better than the base rate")
        #expect((age16.overall.recall ?? 1) < 0.25, "recall is about the share flagged")
    }

    @Test func groupsCountEveryoneOnceInEachTable() {
        let result = Self.run(neetChance: { $0 ? 0.4 : 0.1 }, seed: 13)
        for name in BackTestResult.groupNames {
            let rows = result.age16.groups[name] ?? []
            #expect(rows.reduce(0) { $0 + $1.counts.people } == result.age16.overall.people, "\(name)")
        }
        let meals = result.age16.groups["Free school meals"] ?? []
        #expect(Set(meals.map(\.label)) == ["Free school meals", "Not free school meals"])
    }

    @Test func pupilsStillAtSchoolOrWithUnknownOutcomesAreLeftOut() {
        var calculator = BackTestCalculator(settings: .standard, today: Self.today)
        var current = Self.pupil(lowAttendance: true, neet: true, fsm: false)
        current.dateOfBirth = d("2011-02-01")
        let countedCurrent = calculator.add(current)
        #expect(!countedCurrent)
        var unknown = Self.pupil(lowAttendance: true, neet: false, fsm: false)
        unknown.activities = []
        let countedUnknown = calculator.add(unknown)
        #expect(!countedUnknown)
        #expect(calculator.result().unknownOutcome == 1)
    }
}

/// A tiny seeded generator, so the planted data is the same every run.
struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    mutating func chance(_ p: Double) -> Bool { Double.random(in: 0..<1, using: &self) < p }
}
