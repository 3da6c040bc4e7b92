import Foundation
import Testing
@testable import WaymarkWeb

/// Answered and resolved side by side: a bar for each measure of each group,
/// lengths in proportion to the largest, every value written as text after its bar.
@Suite struct GroupedBarChartTests {
    typealias Elements = BarChartTests.Elements

    static let chart = GroupedBarChart(
        title: "Answered and resolved by channel", summary: "SMS: 50.0% answered…", measures: ["Answered", "Resolved"],
        groups: [
            GroupedBarChart.Group(label: "SMS", values: [50, 25], valueTexts: ["50.0% (2 of 4)", "25.0% (1 of 4)"]),
            GroupedBarChart.Group(label: "Letter & <post>", values: [10, nil], valueTexts: ["10.0% (1 of 10)", "– (nobody contacted)"]),
        ],
        scaleAtLeast: 0, id: "grouped")

    @Test func eachGroupHasABarPerMeasureInProportionWithItsValueWritten() throws {
        let elements = try Elements.parse(Self.chart.svg)
        let svg = try #require(elements.found.first)
        #expect(svg.attributes["role"] == "img" && svg.attributes["aria-labelledby"] == "grouped-title grouped-desc")
        #expect(elements.found.first { $0.name == "title" }?.text == "Answered and resolved by channel")
        #expect(elements.found.first { $0.name == "desc" }?.text == "SMS: 50.0% answered…")
        let groups = elements.found.filter { $0.name == "text" && $0.attributes["font-weight"] == "700" }.map(\.text)
        #expect(groups == ["SMS", "Letter & <post>"], "escaped, read back as written, in the order given")
        let bars = elements.found.filter { $0.name == "rect" && $0.attributes["class"] == "chart-bar" }
        #expect(bars.count == 4)
        // The room is 400 − 16 − 225 = 159; the largest value, 50, fills it.
        #expect(bars.compactMap { $0.attributes["width"] } == ["159", "79.5", "31.8", "0"])
        #expect(bars[0].attributes["fill"] == BarChart.colour && bars[1].attributes["fill"] == "url(#grouped-stripes)", "told apart by pattern too")
        let values = elements.found.filter { $0.name == "text" && $0.attributes["class"] == "chart-value" }.map(\.text)
        #expect(values == ["Answered 50.0% (2 of 4)", "Resolved 25.0% (1 of 4)", "Answered 10.0% (1 of 10)", "Resolved – (nobody contacted)"])
        let key = elements.found.filter { $0.name == "text" && $0.attributes["class"] == "chart-label" }.map(\.text)
        #expect(key.prefix(2) == ["Answered", "Resolved"])
        #expect(Self.chart.height == 34 + 2 * (24 + 2 * 22 + 14) + 8)
    }

    @Test func aScaleAtLeastAWholeKeepsSmallRatesSmall() throws {
        let chart = GroupedBarChart(
            title: "t", summary: "s", measures: ["Answered"], groups: [GroupedBarChart.Group(label: "A", values: [50], valueTexts: ["50%"])],
            scaleAtLeast: 100, id: "x")
        let bar = try #require(try Elements.parse(chart.svg).found.first { $0.attributes["class"] == "chart-bar" })
        #expect(bar.attributes["width"] == "79.5")
    }
}
