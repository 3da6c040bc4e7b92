import Foundation
import Testing
@testable import WaymarkWeb

/// The trend chart is well-formed SVG, an image with a name and a
/// description, one line per series (last year's faint), the winter average
/// marked at its level over its months, and text escaped.
@Suite struct LineChartTests {
    typealias Elements = BarChartTests.Elements

    static let chart = LineChart(
        title: "NEET & not known <trend>", summary: "At the end of March, 10.0% were NEET or not known.",
        months: [
            LineChart.Month(name: "Dec", year: "2026"), LineChart.Month(name: "Jan", year: "2027"),
            LineChart.Month(name: "Feb", year: nil), LineChart.Month(name: "Mar", year: nil),
        ],
        series: [
            LineChart.Series(name: "NEET or not known", values: [8, 6, nil, 10], style: .solid, valueText: "10.0% at March 2027"),
            LineChart.Series(name: "NEET", values: [4, 3, 5, 6], style: .dashed, valueText: "6.0% at March 2027"),
            LineChart.Series(name: "A year earlier & <before>", values: [9, 9, 9, 9], style: .ghost, valueText: "9.0% at March 2026"),
        ],
        spans: [LineChart.Span(first: 0, last: 2, value: 7, label: "Dec–Feb average 7.0%")],
        id: "trend")

    @Test func theChartIsAnImageWithOneLinePerSeriesAndLastYearFaint() throws {
        let elements = try Elements.parse(Self.chart.svg)
        let svg = try #require(elements.found.first)
        #expect(svg.name == "svg" && svg.attributes["role"] == "img")
        #expect(svg.attributes["aria-labelledby"] == "trend-title trend-desc")
        #expect(elements.found[1].name == "title" && elements.found[1].text == "NEET & not known <trend>")
        #expect(elements.found[2].name == "desc" && elements.found[2].text == "At the end of March, 10.0% were NEET or not known.")

        let lines = elements.found.filter { $0.name == "polyline" }
        #expect(lines.count == 3, "one line per series")
        #expect(lines.map { $0.attributes["stroke"] } == [LineChart.look(.solid).colour, LineChart.look(.dashed).colour, LineChart.look(.ghost).colour])
        #expect(lines[2].attributes["stroke-dasharray"] == LineChart.look(.ghost).dash, "the ghost is drawn faint, not by colour alone")
        // The axis runs 0–10% (step 2); the plot is 200 high from y=30, 420 wide from x=48: 105 a month.
        #expect(Self.chart.scale == (10, 2))
        #expect(lines[0].attributes["points"] == "100.5,70 205.5,110 415.5,30", "a month with nobody measured has no point")
        #expect(elements.found.filter { $0.name == "circle" }.count == 3 + 4, "points on this year's lines only")
    }

    @Test func theWinterAverageIsMarkedAtItsLevelOverItsThreeMonths() throws {
        let elements = try Elements.parse(Self.chart.svg)
        let band = try #require(elements.found.first { $0.name == "rect" })
        #expect(band.attributes["x"] == "48" && band.attributes["width"] == "315", "December to February: the first three slots")
        let level = try #require(elements.found.first { $0.name == "line" && $0.attributes["stroke-dasharray"] == "6 3" })
        #expect(level.attributes["y1"] == "90" && level.attributes["y2"] == "90", "7% of a 0–10% axis 200 high")
        #expect(level.attributes["x1"] == "48" && level.attributes["x2"] == "363")
        #expect(elements.found.contains { $0.name == "text" && $0.text == "Dec–Feb average 7.0%" })
    }

    @Test func monthsAreNamedAndTheKeyGivesEachLineItsValueAsText() throws {
        let texts = try Elements.parse(Self.chart.svg).found.filter { $0.name == "text" }.map(\.text)
        for label in ["Dec", "2026", "Jan", "2027", "Feb", "Mar", "0%", "10%"] {
            #expect(texts.contains(label), "\(label)")
        }
        #expect(texts.contains("A year earlier & <before>: 9.0% at March 2026"), "escaped in the SVG, read back as written")
        #expect(texts.contains("NEET: 6.0% at March 2027"))
    }

    @Test func aChartWithNothingMeasuredStillDrawsItsAxes() throws {
        let empty = LineChart(
            title: "t", summary: "s", months: [LineChart.Month(name: "Jan", year: "2027")],
            series: [LineChart.Series(name: "NEET", values: [nil], style: .solid, valueText: "none")], spans: [], id: "e")
        let elements = try Elements.parse(empty.svg)
        #expect(empty.scale == (5, 1))
        #expect(elements.found.filter { $0.name == "polyline" }.isEmpty)
        #expect(elements.found.contains { $0.name == "text" && $0.text == "5%" })
    }
}

/// Breakdown bars: highest first, one a group, the LA average as a line where its rate falls.
@Suite struct RankedBarChartTests {
    typealias Elements = BarChartTests.Elements

    static let chart = RankedBarChart(
        title: "NEET or not known by ward", summary: "Highest Riverside…",
        bars: [
            RankedBarChart.Bar(label: "Abbey", percentage: 5, valueText: "5.0% of 100"),
            RankedBarChart.Bar(label: "Nobody here", percentage: nil, valueText: "nobody in the cohort"),
            RankedBarChart.Bar(label: "Riverside & <Quay>", percentage: 20, valueText: "20.0% of 50"),
            RankedBarChart.Bar(label: "Castle", percentage: 10, valueText: "10.0% of 30"),
        ],
        average: 8, averageText: "LA average 8.0%", id: "ward")

    @Test func barsAreSortedHighestFirstWithOneBarPerGroup() throws {
        let elements = try Elements.parse(Self.chart.svg)
        #expect(elements.found.first?.attributes["role"] == "img")
        #expect(elements.found.first { $0.name == "title" }?.text == "NEET or not known by ward")
        let labels = elements.found.filter { $0.name == "text" && $0.attributes["class"] == "chart-label" }.map(\.text)
        #expect(labels == ["Riverside & <Quay>", "Castle", "Abbey", "Nobody here", "LA average 8.0%"], "escaped, read back as written")
        let bars = elements.found.filter { $0.name == "rect" }
        #expect(bars.count == 4)
        // The room between the edge and the values is 400 − 16 − 130 = 254; 20% fills it.
        #expect(bars.compactMap { $0.attributes["width"] } == ["254", "127", "63.5", "0"])
        let values = elements.found.filter { $0.name == "text" && $0.attributes["class"] == "chart-value" }.map(\.text)
        #expect(values == ["20.0% of 50", "10.0% of 30", "5.0% of 100", "nobody in the cohort"])
    }

    @Test func theAverageLineStandsWhereTheLAsRateFalls() throws {
        let elements = try Elements.parse(Self.chart.svg)
        let line = try #require(elements.found.first { $0.name == "line" })
        // 8% of a scale whose 20% is 254 wide, from the 8 px edge: 8 + 101.6.
        #expect(line.attributes["x1"] == "109.6" && line.attributes["x2"] == "109.6")
        #expect(line.attributes["y1"] == "24" && line.attributes["y2"] == "\(Self.chart.height - 8)", "across every bar")
        #expect(Self.chart.height == 30 + 4 * 50 + 8)
    }

    @Test func anAverageAboveEveryGroupSetsTheScale() throws {
        let chart = RankedBarChart(
            title: "t", summary: "s", bars: [RankedBarChart.Bar(label: "A", percentage: 5, valueText: "5.0%")],
            average: 10, averageText: "LA average 10.0%", id: "x")
        let elements = try Elements.parse(chart.svg)
        #expect(elements.found.first { $0.name == "rect" }?.attributes["width"] == "127")
        let line = try #require(elements.found.first { $0.name == "line" })
        #expect(line.attributes["x1"] == "262")
        let label = try #require(elements.found.first { $0.name == "text" && $0.text == "LA average 10.0%" })
        #expect(label.attributes["text-anchor"] == "end", "a label near the right edge is written leftwards, inside the picture")
    }
}
