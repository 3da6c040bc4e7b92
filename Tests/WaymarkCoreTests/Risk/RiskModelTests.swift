import Foundation
import Testing
import WaymarkCore

struct RiskModelTests {
    static let day = d("2026-11-01")

    /// Everything the model looks for, dated before the day scored.
    static let everything = RiskFacts(
        characteristics: [
            CharacteristicRecord(code: .lookedAfter, startDate: d("2025-01-01")), CharacteristicRecord(code: .carerNotOwnChild, startDate: d("2025-02-01")),
            CharacteristicRecord(code: .supervisedByYOT, startDate: d("2026-03-01")), CharacteristicRecord(code: .pregnancy, startDate: d("2026-09-01")),
        ],
        needs: [NeedAssessment(levelOfNeed: .supported, hasSEND: false, hasSENSupport: true, validFrom: d("2024-09-01"))],
        schoolFacts: [
            SchoolFact(kind: .attendance, date: d("2026-07-20"), value: 81.5), SchoolFact(kind: .suspension, date: d("2026-02-03"), value: 2),
            SchoolFact(kind: .freeSchoolMeals, date: d("2022-09-05"), code: "eligible"), SchoolFact(kind: .keyStage2, date: d("2022-07-10"), code: "not-met"),
            SchoolFact(kind: .firstLanguage, date: d("2022-10-05"), code: "POL"), SchoolFact(kind: .schoolMove, date: d("2025-11-01")),
            SchoolFact(kind: .schoolMove, date: d("2026-04-01")),
        ])

    @Test func everyIndicatorIsFoundWithItsEvidence() {
        let score = RiskModel().score(Self.everything, on: Self.day)
        #expect(score.indicators == Set(RiskIndicator.allCases))
        let attendance = score.reasons.first { $0.indicator == .lowAttendance }
        #expect(attendance?.evidence == "Attendance 81.5% (to 2026-07-20)")
        #expect(attendance?.points == 2)
    }

    @Test func theReasonsAddUpToTheScoreWhateverTheWeights() {
        var random = SystemRandomNumberGenerator()
        for _ in 0..<200 {
            var settings = RiskSettings.standard
            for indicator in RiskIndicator.allCases { settings.weights[indicator] = Int.random(in: 0...10, using: &random) }
            var facts = Self.everything
            facts.schoolFacts = facts.schoolFacts.filter { _ in Bool.random(using: &random) }
            facts.characteristics = facts.characteristics.filter { _ in Bool.random(using: &random) }
            let score = RiskModel(settings: settings).score(facts, on: Self.day)
            let expected = score.indicators.reduce(0) { $0 + settings.weight($1) }
            #expect(score.points == expected)
            #expect(score.points == score.reasons.map(\.points).reduce(0, +))
            #expect(score.band == settings.band(for: score.points))
        }
    }

    @Test func onlyFactsKnownOnTheDayCount() {
        let facts = RiskFacts(schoolFacts: [
            SchoolFact(kind: .attendance, date: d("2026-07-20"), value: 97), SchoolFact(kind: .attendance, date: d("2027-07-20"), value: 60),
            SchoolFact(kind: .suspension, date: d("2027-01-10"), value: 1),
        ])
        #expect(RiskModel().score(facts, on: Self.day).points == 0)
        let later = RiskModel().score(facts, on: d("2027-08-01"))
        #expect(later.indicators == [.lowAttendance, .persistentAbsence, .exclusion])
    }

    @Test func oldSuspensionsAndEndedEligibilityDoNotCount() {
        let facts = RiskFacts(schoolFacts: [
            SchoolFact(kind: .suspension, date: d("2023-01-10"), value: 1),
            SchoolFact(kind: .freeSchoolMeals, date: d("2022-09-05"), endDate: d("2025-03-31"), code: "eligible"),
            SchoolFact(kind: .firstLanguage, date: d("2022-10-05"), code: "ENB"),
        ])
        #expect(RiskModel().score(facts, on: Self.day).reasons.isEmpty)
    }

    @Test func attainment8OverridesKeyStage2OnceKnown() {
        var facts = RiskFacts(schoolFacts: [SchoolFact(kind: .keyStage2, date: d("2021-07-10"), code: "not-met")])
        #expect(RiskModel().score(facts, on: Self.day).indicators == [.lowAttainment])
        facts.schoolFacts.append(SchoolFact(kind: .attainment8, date: d("2026-08-21"), value: 52))
        #expect(RiskModel().score(facts, on: Self.day).indicators.isEmpty)
    }

    @Test func bandsFollowTheThresholds() {
        let settings = RiskSettings.standard
        #expect(settings.band(for: 0) == .low && settings.band(for: 2) == .low)
        #expect(settings.band(for: 3) == .medium && settings.band(for: 4) == .medium)
        #expect(settings.band(for: 5) == .high)
        #expect(RiskModel().score(Self.everything, on: Self.day).band == .high)
    }

    @Test func badSettingsAreRefusedFieldByField() {
        var settings = RiskSettings.standard
        settings.weights[.exclusion] = 11
        settings.highFrom = settings.mediumFrom
        settings.attendanceThreshold = 120
        let fields = Set(settings.violations().map(\.field))
        #expect(fields == ["weight-exclusion", "highFrom", "attendanceThreshold"])
        #expect(RiskSettings.standard.violations().isEmpty)
    }

    @Test func settingsSurviveJSON() throws {
        var settings = RiskSettings.standard
        settings.weights[.englishAdditionalLanguage] = 3
        let data = try JSONEncoder().encode(settings)
        #expect(String(decoding: data, as: UTF8.self).contains("\"eal\":3"))
        #expect(try JSONDecoder().decode(RiskSettings.self, from: data) == settings)
    }
}
