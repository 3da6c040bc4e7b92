import Foundation
import WaymarkCore

/// Groups' rates as horizontal bars, highest first, with the LA's own rate
/// drawn across them as a reference line, so the groups above it stand out
/// by position, not by colour. Each bar's name sits above it, so a long
/// school or ward name has the whole width on a phone, and its value follows
/// it as text. Drawn on the server as SVG, named and described like ``BarChart``.
struct RankedBarChart: Sendable {
    struct Bar: Sendable, Equatable {
        let label: String
        /// 0–100; nil when nobody in the group was in the cohort.
        let percentage: Double?
        /// What is written after the bar, e.g. "6.2% of 1,204".
        let valueText: String
    }

    let title: String
    let summary: String
    /// Highest first; groups with no rate last; ties by name.
    let bars: [Bar]
    /// The LA's rate, drawn as a line across every bar.
    let average: Double?
    let averageText: String
    let id: String

    init(title: String, summary: String, bars: [Bar], average: Double?, averageText: String, id: String) {
        self.title = title
        self.summary = summary
        self.bars = Self.ranked(bars)
        self.average = average
        self.averageText = averageText
        self.id = id
    }

    /// Highest rate first; groups with no rate last; ties by name.
    static func ranked(_ bars: [Bar]) -> [Bar] {
        bars.sorted { first, second in
            switch (first.percentage, second.percentage) {
            case let (one?, two?) where one != two: one > two
            case (nil, _?): false
            case (_?, nil): true
            default: first.label < second.label
            }
        }
    }

    /// A white edge round text, so a name or value crossing the average's line stays readable.
    static let halo = "paint-order=\"stroke\" stroke=\"#ffffff\" stroke-width=\"4\""

    /// Narrower than the trend's 480, so that on a phone its names are written larger.
    static let width = 400
    static let padding = 8
    static let valueWidth = 130
    static let headerHeight = 30
    static let rowHeight = 50
    static let barHeight = 20

    var height: Int { Self.headerHeight + max(1, bars.count) * Self.rowHeight + Self.padding }

    /// The room a bar may fill: the largest rate (or the average, if higher) reaches its end.
    static let room = width - padding * 2 - valueWidth

    var largest: Double { (bars.compactMap(\.percentage) + [average ?? 0]).max() ?? 0 }

    func length(_ percentage: Double?) -> Double {
        guard let percentage, largest > 0 else { return 0 }
        return percentage / largest * Double(Self.room)
    }

    var svg: String {
        let titleID = "\(id)-title"
        let descID = "\(id)-desc"
        var out = """
            <svg xmlns="http://www.w3.org/2000/svg" class="chart chart--ranked" role="img" aria-labelledby="\(titleID) \(descID)" \
            viewBox="0 0 \(Self.width) \(height)" width="100%" preserveAspectRatio="xMinYMin meet">\
            <title id="\(titleID)">\(XMLText.escaped(title))</title><desc id="\(descID)">\(XMLText.escaped(summary))</desc>
            """
        // The values are written last, over the average's line, so that the line never hides a figure.
        var values = "<g class=\"chart-values\">"
        for (index, bar) in bars.enumerated() {
            let top = Self.headerHeight + index * Self.rowHeight
            let barTop = top + 24
            let length = length(bar.percentage)
            out += "<g class=\"chart-bar\">"
            out += "<text class=\"chart-label\" x=\"\(Self.padding)\" y=\"\(top + 16)\" \(Self.halo)>\(XMLText.escaped(bar.label))</text>"
            out += "<rect x=\"\(Self.padding)\" y=\"\(barTop)\" width=\"\(LineChart.number(length))\" height=\"\(Self.barHeight)\" fill=\"\(BarChart.colour)\"/>"
            values += "<text class=\"chart-value\" x=\"\(LineChart.number(Double(Self.padding) + length + 6))\" y=\"\(barTop + Self.barHeight / 2)\" "
                + "dominant-baseline=\"middle\" \(Self.halo)>\(XMLText.escaped(bar.valueText))</text>"
            out += "</g>"
        }
        values += "</g>"
        if let average {
            let across = Double(Self.padding) + length(average)
            let leftward = across > Double(Self.width) * 0.6
            out += "<g class=\"chart-average\">"
            out += "<line x1=\"\(LineChart.number(across))\" x2=\"\(LineChart.number(across))\" y1=\"\(Self.headerHeight - 6)\" y2=\"\(height - Self.padding)\" "
                + "stroke=\"\(LineChart.ink)\" stroke-width=\"2\" stroke-dasharray=\"6 3\"/>"
            out += "<text class=\"chart-label\" x=\"\(LineChart.number(leftward ? across - 4 : across + 4))\" y=\"\(Self.headerHeight - 12)\""
                + "\(leftward ? " text-anchor=\"end\"" : "") font-size=\"15\">\(XMLText.escaped(averageText))</text>"
            out += "</g>"
        }
        return out + values + "</svg>"
    }
}
