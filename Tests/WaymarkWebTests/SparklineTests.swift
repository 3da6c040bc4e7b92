import Foundation
import Testing
@testable import WaymarkWeb

/// The home page's sparkline is well-formed SVG, an image whose description
/// says the trend in words; higher values sit higher; a gap breaks the line.
@Suite struct SparklineTests {
    static func line(_ values: [Double?]) -> Sparkline {
        Sparkline(
            title: "NEET <month> by month", labels: values.indices.map { "M\($0 + 1)" }, values: values,
            format: { String(format: "%.1f%%", $0) }, id: "spark")
    }

    @Test func itIsAnImageThatSaysTheTrendInWords() throws {
        let elements = try BarChartTests.Elements.parse(Self.line([6.1, 7.0, 5.2]).svg)
        let svg = try #require(elements.found.first)
        #expect(svg.attributes["role"] == "img")
        #expect(svg.attributes["aria-labelledby"] == "spark-title spark-desc")
        #expect(elements.found.first { $0.name == "title" }?.text == "NEET <month> by month")
        #expect(elements.found.first { $0.name == "desc" }?.text == "From 6.1% (M1) to 5.2% (M3); highest 7.0% (M2).")
    }

    @Test func higherValuesAreDrawnHigherAndAGapBreaksTheLine() throws {
        let chart = Self.line([1, 3, nil, 2, 4])
        #expect(chart.y(3) < chart.y(1))
        #expect(chart.y(4) == Double(Sparkline.padding))
        #expect(chart.y(1) == Double(Sparkline.height - Sparkline.padding))
        let elements = try BarChartTests.Elements.parse(chart.svg)
        let lines = elements.found.filter { $0.name == "polyline" }
        #expect(lines.count == 2)
        #expect(lines.map { $0.attributes["points"]?.split(separator: " ").count } == [2, 2])
        #expect(elements.found.filter { $0.name == "circle" }.count == 1)
    }

    @Test func withNothingKnownItSaysSo() throws {
        let elements = try BarChartTests.Elements.parse(Self.line([nil, nil]).svg)
        #expect(elements.found.first { $0.name == "desc" }?.text == "No values yet.")
        #expect(elements.found.filter { $0.name == "polyline" }.isEmpty)
    }
}
