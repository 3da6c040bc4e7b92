import Testing
@testable import WaymarkWeb

@Suite struct MatchProbabilityTextTests {
    @Test func theEndsAreBoundsNotCertainties() {
        #expect(MatchProbabilityText.percent(0.99999999) == "over 99.9%")
        #expect(MatchProbabilityText.percent(0.999) == "over 99.9%")
        #expect(MatchProbabilityText.percent(0.998) == "99.8%")
        #expect(MatchProbabilityText.percent(0.5) == "50.0%")
        #expect(MatchProbabilityText.percent(0.0002) == "under 0.1%")
    }
}
