import Testing
import WaymarkCore

/// Distance travelled is the change between each person's first and latest
/// completed assessment, per area and overall, + always meaning better.
@Suite struct DistanceTravelledTests {
    @Test func changesAreCountedPerAreaAndOverallWithPlusMeaningBetter() {
        // Difficulty scale (1 strength … 4 worst): going from 4 to 2 is +2.
        let instrument = InstrumentRulesTests.instrument()
        let ends = [
            DistanceTravelled.Ends(first: ["health": 4, "housing": 3, "skills": 2], latest: ["health": 2, "housing": 3, "skills": 3]),
            DistanceTravelled.Ends(first: ["health": 3, "housing": 4, "skills": 4], latest: ["health": 3, "housing": 1, "skills": 2]),
        ]
        let distance = DistanceTravelled(instrument: instrument, ends: ends, single: 5)
        #expect(distance.people == 2 && distance.notYetReviewed == 5)
        let health = distance.areas[0]
        #expect(health.areaKey == "health" && health.people == 2)
        #expect(health.firstMean == 3.5 && health.latestMean == 2.5)
        #expect(health.meanChange == 1, "(+2 + 0) / 2")
        #expect(health.improved == 1 && health.same == 1 && health.worse == 0)
        let skills = distance.areas[2]
        #expect(skills.meanChange == 0.5, "(-1 + 2) / 2")
        #expect(skills.worse == 1 && skills.improved == 1)
        // Person one: (+2, 0, -1) / 3 = 1/3; person two: (0, +3, +2) / 3 = 5/3; mean 1.
        #expect(abs((distance.overallMeanChange ?? 0) - 1) < 1e-9)
        #expect(distance.overallImproved == 2 && distance.overallWorse == 0)
    }

    @Test func anAreaRatedAtOnlyOneEndIsLeftOutOfThatArea() {
        let instrument = InstrumentRulesTests.instrument()
        let distance = DistanceTravelled(
            instrument: instrument, ends: [DistanceTravelled.Ends(first: ["health": 4], latest: ["health": 4, "housing": 1])], single: 0)
        #expect(distance.areas[1].people == 0 && distance.areas[1].meanChange == 0)
        #expect(distance.overallMeanChange == 0 && distance.overallSame == 1)
    }

    @Test func nobodyReviewedMeansNoOverallChange() {
        let distance = DistanceTravelled(instrument: InstrumentRulesTests.instrument(), ends: [], single: 3)
        #expect(distance.overallMeanChange == nil && distance.people == 0)
    }
}
