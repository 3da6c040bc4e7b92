import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import WaymarkWeb

/// The server-drawn chart is well-formed SVG, an image with a name and a
/// description, one bar per value, lengths in proportion, text escaped.
@Suite struct BarChartTests {
    /// Collects each element with its attributes and text, in document order.
    final class Elements: NSObject, XMLParserDelegate {
        var found: [(name: String, attributes: [String: String], text: String)] = []
        private var open: [Int] = []

        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String]) {
            found.append((name, attributes, ""))
            open.append(found.count - 1)
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            if let last = open.last { found[last].text += string }
        }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            open.removeLast()
        }

        static func parse(_ svg: String) throws -> Elements {
            let elements = Elements()
            let parser = XMLParser(data: Data(svg.utf8))
            parser.delegate = elements
            #expect(parser.parse(), "well-formed: \(parser.parserError.map { "\($0)" } ?? "")")
            return elements
        }
    }

    static let chart = BarChart(
        title: "Where the 2025/26 leavers are now", summary: "Of 4 leavers: education 3 (75.0%), NEET 1 (25.0%).",
        bars: [
            BarChart.Bar(label: "Education", value: 3, valueText: "3 (75.0%)"),
            BarChart.Bar(label: "Training & <other>", value: 0, valueText: "0"),
            BarChart.Bar(label: "NEET", value: 1, valueText: "1 (25.0%)", emphasised: true),
        ],
        id: "test-chart")

    @Test func theChartIsAnImageWithANameADescriptionAndABarPerValue() throws {
        let elements = try Elements.parse(Self.chart.svg)
        let svg = try #require(elements.found.first)
        #expect(svg.name == "svg")
        #expect(svg.attributes["role"] == "img")
        #expect(svg.attributes["aria-labelledby"] == "test-chart-title test-chart-desc")
        #expect(svg.attributes["viewBox"] == "0 0 480 \(8 * 2 + 3 * 34)")
        let title = try #require(elements.found.first { $0.name == "title" })
        #expect(title.attributes["id"] == "test-chart-title" && title.text == "Where the 2025/26 leavers are now")
        #expect(elements.found.first { $0.name == "desc" }?.text == "Of 4 leavers: education 3 (75.0%), NEET 1 (25.0%).")
        #expect(elements.found[1].name == "title", "the title comes first, where assistive technology looks for it")

        let bars = elements.found.filter { $0.name == "rect" }
        #expect(bars.count == 3)
        let widths = bars.compactMap { $0.attributes["width"].flatMap(Int.init) }
        #expect(widths == [190, 0, 63], "the largest value fills the room between labels and values; the rest in proportion")
        #expect(bars[2].attributes["fill"] == BarChart.emphasisColour && bars[0].attributes["fill"] == BarChart.colour)
        let texts = elements.found.filter { $0.name == "text" }.map(\.text)
        #expect(texts == ["Education", "3 (75.0%)", "Training & <other>", "0", "NEET", "1 (25.0%)"], "labels escaped in the SVG, read back as written")
    }

    @Test func aChartWithNothingToCountDrawsNoBarLength() throws {
        let empty = BarChart(title: "t", summary: "s", bars: [BarChart.Bar(label: "NEET", value: 0, valueText: "0")], id: "e")
        #expect(empty.barLength(0) == 0)
        let elements = try Elements.parse(empty.svg)
        #expect(elements.found.filter { $0.name == "rect" }.map { $0.attributes["width"] } == ["0"])
    }
}
