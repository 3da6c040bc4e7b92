import Foundation
import WaymarkCore

/// A pupil's school data — attendance, suspensions and exclusions,
/// attainment, free school meals, first language and moves of school —
/// drawn from a stream of its own, so that adding it moved none of the
/// values generated before it.
///
/// The link with later NEET is planted by drawing each fact from a
/// distribution that depends on whether the young person was NEET at 16 or
/// 17 in the pathway already built (or, for those still at school, on a
/// latent draw with the pathway's own odds). Each link is a plausible
/// likelihood ratio, none decisive: NEET young people are about three times
/// as likely to have had attendance below 85%, four times as likely to have
/// been suspended, and about twice as likely to have had free school meals,
/// so a back-test finds a useful but far from perfect indicator.
struct SchoolRecordBuilder {
    var random: SeededGenerator
    let today: CalendarDate
    let dateOfBirth: CalendarDate
    let ethnicity: Ethnicity
    /// 1 most deprived … 5 least.
    let deprivation: Int
    let activities: [ActivityRecord]
    let vulnerable: Bool

    /// The stream for school data: the person's key under a seed of its own.
    static func stream(seed: UInt64, key: Int) -> SeededGenerator {
        SeededGenerator(seed: seed ^ 0x5C4F_01D5_7A7E_0001, stream: UInt64(key))
    }

    mutating func build() -> [SchoolFact] {
        let year11 = AcademicAge.academicYear(ofYearGroup: 11, dateOfBirth: dateOfBirth).startYear
        let neetLater = becomesNEET(year11: year11)
        var facts: [SchoolFact] = []
        func add(_ fact: SchoolFact) { if fact.date <= today { facts.append(fact) } }

        let mealsOdds = [1: 0.40, 2: 0.30, 3: 0.20, 4: 0.12, 5: 0.07][deprivation] ?? 0.2
        let meals = random.chance(min(0.9, mealsOdds * (neetLater ? 2.0 : 0.92)))
        if meals { add(SchoolFact(kind: .freeSchoolMeals, date: day(year11 - 4, 9, random.int(1...30)), code: "eligible")) }

        // Absence is skewed: most pupils miss a few percent, a few miss a lot.
        let meanAbsence = (neetLater ? 11.0 : 4.6) * (meals ? 1.3 : 1.0) * (vulnerable ? 1.3 : 1.0)
        for year in [year11 - 1, year11] {
            let absence = min(70, -meanAbsence * log(1 - Double.random(in: 0..<1, using: &random)))
            add(SchoolFact(kind: .attendance, date: day(year + 1, 7, 20), value: (1000 - absence * 10).rounded() / 10))
        }

        let suspensionOdds = (neetLater ? 0.18 : 0.045) * (meals ? 1.4 : 1.0)
        if random.chance(suspensionOdds) {
            for _ in 0..<random.weighted([(1, 70), (2, 20), (3, 10)]) {
                add(SchoolFact(kind: .suspension, date: schoolDay(year11 - random.int(0...2)), value: Double(random.int(1...5))))
            }
        }
        if random.chance(neetLater ? 0.02 : 0.002) { add(SchoolFact(kind: .permanentExclusion, date: schoolDay(year11 - random.int(0...1)))) }

        add(SchoolFact(kind: .keyStage2, date: day(year11 - 4, 7, 10), code: random.chance(neetLater ? 0.55 : 0.3) ? "not-met" : "met"))
        let attainment = max(0, min(90, normal(mean: neetLater ? 32 : 47, deviation: 15)))
        add(SchoolFact(kind: .attainment8, date: day(year11 + 1, 8, 21), value: attainment.rounded()))

        // English as an additional language follows heritage, and is if anything protective.
        let ealOdds = (ethnicity == .whiteBritish ? 0.01 : ethnicity == .whiteOther ? 0.5 : 0.35) * (neetLater ? 0.8 : 1.0)
        add(SchoolFact(kind: .firstLanguage, date: day(year11 - 4, 10, 5), code: random.chance(ealOdds) ? random.pick(["POL", "URD", "PNJ", "BEN", "ARA", "SOM", "RUM"]) : "ENG"))

        let moves = random.chance(neetLater ? 0.22 : 0.08) ? random.weighted([(1, 65), (2, 25), (3, 10)]) : 0
        for _ in 0..<moves { add(SchoolFact(kind: .schoolMove, date: schoolDay(year11 - random.int(0...2)))) }
        return facts
    }

    /// NEET at 16 or 17 in the pathway; for those whose outcome is not yet
    /// known, a draw with about the pathway's odds for someone like them.
    private mutating func becomesNEET(year11: Int) -> Bool {
        let outcomes = [16, 17].map { NEETOutcome.at(age: $0, year11Start: year11, activities: activities, today: today) }
        let draw = random.chance((deprivation <= 2 ? 0.11 : deprivation >= 4 ? 0.05 : 0.075) * (vulnerable ? 2.2 : 1))
        if outcomes.contains(.neet) { return true }
        if outcomes.contains(.notNEET) { return false }
        return draw
    }

    /// A day in the school year starting `year`, October to June.
    private mutating func schoolDay(_ year: Int) -> CalendarDate {
        day(year, 10, 1).adding(days: random.int(0...250))
    }

    /// Box–Muller: one normally distributed draw.
    private mutating func normal(mean: Double, deviation: Double) -> Double {
        let u1 = max(Double.random(in: 0..<1, using: &random), 1e-12)
        let u2 = Double.random(in: 0..<1, using: &random)
        return mean + deviation * (-2 * log(u1)).squareRoot() * cos(2 * Double.pi * u2)
    }
}
