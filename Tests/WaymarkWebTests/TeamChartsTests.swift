import Foundation
import Testing
import WaymarkRecords
@testable import WaymarkWeb

/// The manager's team charts: a bar per adviser, highest first, the team's
/// figure as a line at its true place, the values those of the workloads.
@Suite struct TeamChartsTests {
    typealias Elements = BarChartTests.Elements

    static let team = [
        AdviserWorkload(id: 1, displayName: "Asha Patel", disabled: false, caseload: 30, contactsThisMonth: 40, caseloadContacted: 15),
        AdviserWorkload(id: 2, displayName: "Ben O'Neill & co", disabled: false, caseload: 10, contactsThisMonth: 9, caseloadContacted: 8),
        AdviserWorkload(id: 3, displayName: "Cara Jones", disabled: false, caseload: 20, contactsThisMonth: 0, caseloadContacted: 0),
        AdviserWorkload(id: 4, displayName: "Dev Left", disabled: true, caseload: 0, contactsThisMonth: 0, caseloadContacted: 0),
    ]

    @Test func caseloadsAreABarPerActiveAdviserLargestFirstWithTheTeamAverage() throws {
        let charts = TeamCharts(Self.team)
        let elements = try Elements.parse(charts.caseload.svg)
        #expect(elements.found.first?.attributes["role"] == "img")
        #expect(elements.found.first { $0.name == "title" }?.text == "Caseload size by personal adviser (young people)")
        let names = elements.found.filter { $0.name == "text" && $0.attributes["class"] == "chart-label" }.map(\.text)
        #expect(names == ["Asha Patel", "Cara Jones", "Ben O'Neill & co", "Team average 20.0"], "a disabled account is not drawn")
        let bars = elements.found.filter { $0.name == "rect" }
        // 30 fills the room of 400 − 16 − 130 = 254.
        #expect(bars.compactMap { $0.attributes["width"] } == ["254", "169.3", "84.7"])
        #expect(elements.found.filter { $0.attributes["class"] == "chart-value" }.map(\.text) == ["30", "20", "10"])
        let line = try #require(elements.found.first { $0.name == "line" })
        #expect(line.attributes["x1"] == "177.3", "the average of 20 stands two thirds along: 8 + 254 × 20 ÷ 30")
        #expect(charts.caseload.summary == "Largest caseload Asha Patel, 30 young people; smallest Ben O'Neill & co, 10 young people; the team average is 20.0 across 3 advisers.")
    }

    @Test func contactRatesArePeopleContactedOverCaseloadWithTheTeamsRate() throws {
        let charts = TeamCharts(Self.team)
        let elements = try Elements.parse(charts.contactRate.svg)
        let values = elements.found.filter { $0.attributes["class"] == "chart-value" }.map(\.text)
        #expect(values == ["80.0% of 10", "50.0% of 30", "0.0% of 20"], "highest rate first, whatever the caseload")
        let bars = elements.found.filter { $0.name == "rect" }.compactMap { $0.attributes["width"] }
        #expect(bars == ["254", "158.8", "0"])
        // The team: 23 of 60 = 38.3%, pooled, not the mean of the three rates (43.3%).
        let line = try #require(elements.found.first { $0.name == "line" })
        #expect(line.attributes["x1"] == "129.7")
        #expect(elements.found.contains { $0.name == "text" && $0.text == "Team 38.3%" })
        #expect(charts.contactRate.summary == "Highest Ben O'Neill & co, 80.0% (8 of 10); lowest Cara Jones, 0.0% (0 of 20) of their caseload contacted this month; the team's rate is 38.3%, 23 of 60.")
    }

    @Test func aTeamAllAlikeIsSaidSoRatherThanAsLargestAndSmallest() {
        let same = [1, 2].map { AdviserWorkload(id: $0, displayName: "A\($0)", disabled: false, caseload: 60, contactsThisMonth: 0, caseloadContacted: 21) }
        let charts = TeamCharts(same)
        #expect(charts.caseload.summary == "Each of the 2 advisers holds 60 young people.")
        #expect(charts.contactRate.summary == "Each of the 2 advisers has contacted 35.0% of their caseload this month; the team's rate is 35.0%, 42 of 120.")
    }

    @Test func aTeamWithNoCaseloadSaysSoRatherThanDrawingZeroes() throws {
        let charts = TeamCharts([AdviserWorkload(id: 1, displayName: "New", disabled: false, caseload: 0, contactsThisMonth: 0)])
        #expect(charts.contactRate.summary == "No personal adviser in the team holds a caseload, so there is no contact rate.")
        let elements = try Elements.parse(charts.contactRate.svg)
        #expect(!elements.found.contains { $0.name == "line" }, "no rate, no line")
    }
}
