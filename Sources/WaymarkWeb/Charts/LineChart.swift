import Foundation
import WaymarkCore

/// Rates month by month as lines, drawn on the server as SVG: no script, so
/// it shows with JavaScript off and prints. Like ``BarChart`` it is an image
/// with a name and a description, and the page puts a sentence before it and
/// the numbers in a table beside it. Lines differ by dash as well as colour,
/// and a key under the plot names each with its latest value as text.
struct LineChart: Sendable {
    struct Series: Sendable {
        let name: String
        /// Percentages (0–100), one for each month on the axis; nil where nobody was measured.
        let values: [Double?]
        let style: Style
        /// What the key writes after the name, e.g. "5.2% at the end of October 2026".
        let valueText: String
    }

    enum Style: Sendable, CaseIterable {
        case solid, dashed, dotted
        /// Faint, for last year behind this year's lines.
        case ghost
    }

    /// A run of months marked with a level across them: the December–February average.
    struct Span: Sendable {
        let first: Int
        let last: Int
        let value: Double
        let label: String
    }

    /// A month on the axis, with its year under it where the year changes.
    struct Month: Sendable, Equatable {
        let name: String
        let year: String?
    }

    let title: String
    let summary: String
    let months: [Month]
    let series: [Series]
    let spans: [Span]
    /// Distinguishes the ids of two charts on one page.
    let id: String

    static let width = 480
    static let plotLeft = 48
    static let plotRight = 468
    static let plotTop = 30
    static let plotHeight = 200
    static let axisHeight = 44
    static let keyRowHeight = 26

    var plotBottom: Int { Self.plotTop + Self.plotHeight }
    var height: Int { plotBottom + Self.axisHeight + series.count * Self.keyRowHeight + 8 }

    /// The axis runs from 0 to a round number just above the largest value, in four to five steps.
    var scale: (top: Double, step: Double) {
        let largest = (series.flatMap { $0.values.compactMap { $0 } } + spans.map(\.value)).max() ?? 0
        guard largest > 0 else { return (5, 1) }
        let step = [0.5, 1, 2, 2.5, 5, 10, 20, 25].first { ($0 * 5) >= largest } ?? 25
        return ((largest / step).rounded(.up) * step, step)
    }

    /// The middle of a month's slot.
    func x(_ index: Int) -> Double {
        Double(Self.plotLeft) + (Double(index) + 0.5) * slotWidth
    }

    func y(_ value: Double) -> Double {
        Double(plotBottom) - value / scale.top * Double(Self.plotHeight)
    }

    var slotWidth: Double { Double(Self.plotRight - Self.plotLeft) / Double(max(1, months.count)) }

    var svg: String {
        let titleID = "\(id)-title"
        let descID = "\(id)-desc"
        var out = """
            <svg xmlns="http://www.w3.org/2000/svg" class="chart chart--line" role="img" aria-labelledby="\(titleID) \(descID)" \
            viewBox="0 0 \(Self.width) \(height)" width="100%" preserveAspectRatio="xMinYMin meet">\
            <title id="\(titleID)">\(XMLText.escaped(title))</title><desc id="\(descID)">\(XMLText.escaped(summary))</desc>
            """
        out += spansDrawn + grid + axis
        for line in series { out += drawn(line) }
        return out + key + "</svg>"
    }

    private var grid: String {
        let (top, step) = scale
        var out = "<g class=\"chart-grid\">"
        for tick in stride(from: 0.0, through: top + step / 2, by: step) {
            let level = Self.number(y(tick))
            out += "<line x1=\"\(Self.plotLeft)\" x2=\"\(Self.plotRight)\" y1=\"\(level)\" y2=\"\(level)\" stroke=\"\(tick == 0 ? Self.ink : Self.gridColour)\"/>"
            out += "<text class=\"chart-tick\" x=\"\(Self.plotLeft - 6)\" y=\"\(level)\" text-anchor=\"end\" dominant-baseline=\"middle\" font-size=\"15\">"
                + Self.percentText(tick) + "</text>"
        }
        return out + "</g>"
    }

    private var axis: String {
        var out = "<g class=\"chart-axis\">"
        for (index, month) in months.enumerated() {
            let centre = Self.number(x(index))
            out += "<text x=\"\(centre)\" y=\"\(plotBottom + 18)\" text-anchor=\"middle\" font-size=\"15\">\(XMLText.escaped(month.name))</text>"
            if let year = month.year {
                out += "<text x=\"\(centre)\" y=\"\(plotBottom + 36)\" text-anchor=\"middle\" font-size=\"15\">\(XMLText.escaped(year))</text>"
            }
        }
        return out + "</g>"
    }

    private var spansDrawn: String {
        var out = ""
        for span in spans where span.first >= 0 && span.last < months.count && span.first <= span.last {
            let left = Double(Self.plotLeft) + Double(span.first) * slotWidth
            let right = Double(Self.plotLeft) + Double(span.last + 1) * slotWidth
            let level = Self.number(y(span.value))
            // Centred over the months, but never past either edge of the picture.
            let room = Double(span.label.count) * 4.6
            let centre = min(max((left + right) / 2, room), Double(Self.width) - room)
            out += "<g class=\"chart-span\">"
            out += "<rect x=\"\(Self.number(left))\" y=\"\(Self.plotTop)\" width=\"\(Self.number(right - left))\" height=\"\(Self.plotHeight)\" fill=\"\(Self.spanColour)\"/>"
            out += "<line x1=\"\(Self.number(left))\" x2=\"\(Self.number(right))\" y1=\"\(level)\" y2=\"\(level)\" stroke=\"\(Self.ink)\" stroke-width=\"2\" stroke-dasharray=\"6 3\"/>"
            out += "<text x=\"\(Self.number(centre))\" y=\"\(Self.plotTop - 10)\" text-anchor=\"middle\" font-size=\"15\">\(XMLText.escaped(span.label))</text>"
            out += "</g>"
        }
        return out
    }

    private func drawn(_ line: Series) -> String {
        let points = line.values.enumerated().compactMap { index, value in value.map { (x(index), y($0)) } }
        guard !points.isEmpty else { return "" }
        let look = Self.look(line.style)
        var out = "<g class=\"chart-series\(line.style == .ghost ? " chart-series--ghost" : "")\">"
        out += "<polyline points=\"\(points.map { "\(Self.number($0.0)),\(Self.number($0.1))" }.joined(separator: " "))\" fill=\"none\" "
            + "stroke=\"\(look.colour)\" stroke-width=\"\(look.width)\"\(look.dash.map { " stroke-dasharray=\"\($0)\"" } ?? "")/>"
        if line.style != .ghost {
            for point in points {
                out += "<circle cx=\"\(Self.number(point.0))\" cy=\"\(Self.number(point.1))\" r=\"3.5\" fill=\"\(look.colour)\"/>"
            }
        }
        return out + "</g>"
    }

    private var key: String {
        var out = "<g class=\"chart-key\">"
        for (index, line) in series.enumerated() {
            let look = Self.look(line.style)
            let middle = plotBottom + Self.axisHeight + index * Self.keyRowHeight + Self.keyRowHeight / 2
            out += "<line x1=\"8\" x2=\"44\" y1=\"\(middle)\" y2=\"\(middle)\" stroke=\"\(look.colour)\" stroke-width=\"\(look.width)\""
                + "\(look.dash.map { " stroke-dasharray=\"\($0)\"" } ?? "")/>"
            out += "<text class=\"chart-label\" x=\"52\" y=\"\(middle)\" dominant-baseline=\"middle\" font-size=\"17\">"
                + XMLText.escaped("\(line.name): \(line.valueText)") + "</text>"
        }
        return out + "</g>"
    }

    /// Dark blue, dark orange and purple each meet 3:1 against white (WCAG 1.4.11); the ghost is grey and thin, its numbers in the table.
    static func look(_ style: Style) -> (colour: String, width: Int, dash: String?) {
        switch style {
        case .solid: ("#1d4f91", 3, nil)
        case .dashed: ("#a23f00", 2, "8 4")
        case .dotted: ("#4c2c92", 2, "2 3")
        case .ghost: ("#8a9094", 2, "1 4")
        }
    }

    static let ink = "#0b0c0c"
    static let gridColour = "#dddddd"
    static let spanColour = "#f3f2f1"

    static func number(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(format: "%.1f", value)
    }

    static func percentText(_ value: Double) -> String {
        (value == value.rounded() ? String(Int(value)) : String(format: "%.1f", value)) + "%"
    }
}
