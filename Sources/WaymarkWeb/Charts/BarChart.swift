import WaymarkCore

/// A horizontal bar chart drawn on the server as SVG: no script, so it
/// shows with JavaScript off and prints. It is an image with a name
/// (`role="img"`, `<title>`) and a description (`<desc>`); the page puts the
/// numbers in a table beside it and a sentence before it, so nobody needs
/// to read the bars. Bars are horizontal because category names are long
/// and a phone is narrow; each carries its value as text, not by colour.
struct BarChart: Sendable {
    struct Bar: Sendable, Equatable {
        let label: String
        let value: Int
        /// What is written after the bar, e.g. "12 (8.5%)".
        let valueText: String
        /// Drawn in the stronger colour (with the same text as any other bar).
        var emphasised = false
    }

    /// The chart's accessible name.
    let title: String
    /// A sentence saying what the chart shows, for those who cannot see it.
    let summary: String
    let bars: [Bar]
    /// Distinguishes the ids of two charts on one page.
    let id: String

    static let width = 480
    static let labelWidth = 190
    static let valueWidth = 100
    static let rowHeight = 34
    static let barHeight = 22
    static let padding = 8

    var height: Int { Self.padding * 2 + max(1, bars.count) * Self.rowHeight }

    /// The widest bar is the largest value; with nothing to count, no bar has length.
    func barLength(_ value: Int) -> Int {
        let largest = bars.map(\.value).max() ?? 0
        guard largest > 0, value > 0 else { return 0 }
        let room = Self.width - Self.labelWidth - Self.valueWidth
        return max(1, value * room / largest)
    }

    var svg: String {
        let titleID = "\(id)-title"
        let descID = "\(id)-desc"
        var out = """
            <svg xmlns="http://www.w3.org/2000/svg" class="chart" role="img" aria-labelledby="\(titleID) \(descID)" \
            viewBox="0 0 \(Self.width) \(height)" width="100%" preserveAspectRatio="xMinYMin meet">\
            <title id="\(titleID)">\(XMLText.escaped(title))</title><desc id="\(descID)">\(XMLText.escaped(summary))</desc>
            """
        for (index, bar) in bars.enumerated() {
            let top = Self.padding + index * Self.rowHeight
            let middle = top + Self.rowHeight / 2
            let length = barLength(bar.value)
            let barTop = top + (Self.rowHeight - Self.barHeight) / 2
            out += "<g class=\"chart-bar\(bar.emphasised ? " chart-bar--emphasised" : "")\">"
            out += "<text class=\"chart-label\" x=\"\(Self.labelWidth - 8)\" y=\"\(middle)\" text-anchor=\"end\" dominant-baseline=\"middle\">"
                + XMLText.escaped(bar.label) + "</text>"
            out += "<rect x=\"\(Self.labelWidth)\" y=\"\(barTop)\" width=\"\(length)\" height=\"\(Self.barHeight)\" "
                + "fill=\"\(bar.emphasised ? Self.emphasisColour : Self.colour)\"/>"
            out += "<text class=\"chart-value\" x=\"\(Self.labelWidth + length + 6)\" y=\"\(middle)\" dominant-baseline=\"middle\">"
                + XMLText.escaped(bar.valueText) + "</text>"
            out += "</g>"
        }
        return out + "</svg>"
    }

    /// Dark blue and dark orange: each meets 3:1 against white (WCAG 1.4.11) and they differ in lightness, not hue alone.
    static let colour = "#1d4f91"
    static let emphasisColour = "#a23f00"

}
