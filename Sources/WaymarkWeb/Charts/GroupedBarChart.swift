import Foundation
import WaymarkCore

/// Several measures for each group as horizontal bars side by side (the
/// campaign report's answered and resolved, per channel or per age), drawn
/// on the server as SVG and named and described like ``BarChart``. Each
/// group's name sits above its bars, so a long name has the width of a phone;
/// every bar is followed by its measure's name and value as text, and the
/// measures differ by a pattern as well as a colour, so nothing is told by
/// colour alone. A key above the bars names each measure.
struct GroupedBarChart: Sendable {
    struct Group: Sendable, Equatable {
        let label: String
        /// One value for each of the chart's measures, in their order; nil where there is nothing to measure.
        let values: [Double?]
        /// What is written after each bar, after the measure's name, e.g. "41.2% of 85".
        let valueTexts: [String]
    }

    let title: String
    let summary: String
    /// The measures' names, e.g. ["Answered", "Resolved"]: at most ``looks``'s count.
    let measures: [String]
    let groups: [Group]
    /// Where the scale's end stands: the largest value, or this if it is larger (100 for rates a reader compares with a whole).
    let scaleAtLeast: Double
    let id: String

    static let width = 400
    static let padding = 8
    static let keyHeight = 34
    static let labelHeight = 24
    static let barHeight = 18
    static let barGap = 4
    static let groupGap = 14
    /// Room kept after the longest bar for its text.
    static let valueWidth = 225

    var groupHeight: Int { Self.labelHeight + measures.count * (Self.barHeight + Self.barGap) + Self.groupGap }
    var height: Int { Self.keyHeight + max(1, groups.count) * groupHeight + Self.padding }
    static let room = width - padding * 2 - valueWidth

    var scaleEnd: Double { max(scaleAtLeast, groups.flatMap { $0.values.compactMap { $0 } }.max() ?? 0) }

    func length(_ value: Double?) -> Double {
        guard let value, value > 0, scaleEnd > 0 else { return 0 }
        return value / scaleEnd * Double(Self.room)
    }

    /// Dark blue solid and dark orange with white stripes: each meets 3:1 against white and they differ in pattern too.
    static let looks: [(colour: String, pattern: Bool)] = [(BarChart.colour, false), (BarChart.emphasisColour, true), ("#4c2c92", false)]

    var svg: String {
        let titleID = "\(id)-title"
        let descID = "\(id)-desc"
        var out = """
            <svg xmlns="http://www.w3.org/2000/svg" class="chart chart--grouped" role="img" aria-labelledby="\(titleID) \(descID)" \
            viewBox="0 0 \(Self.width) \(height)" width="100%" preserveAspectRatio="xMinYMin meet">\
            <title id="\(titleID)">\(XMLText.escaped(title))</title><desc id="\(descID)">\(XMLText.escaped(summary))</desc>
            """
        out += "<defs><pattern id=\"\(id)-stripes\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\">"
            + "<rect width=\"6\" height=\"6\" fill=\"\(Self.looks[1].colour)\"/><rect width=\"2\" height=\"6\" fill=\"#ffffff\"/></pattern></defs>"
        out += key
        for (index, group) in groups.enumerated() {
            let top = Self.keyHeight + index * groupHeight
            out += "<g class=\"chart-group\">"
            out += "<text class=\"chart-label\" x=\"\(Self.padding)\" y=\"\(top + 16)\" font-weight=\"700\">\(XMLText.escaped(group.label))</text>"
            for (measure, name) in measures.enumerated() {
                let barTop = top + Self.labelHeight + measure * (Self.barHeight + Self.barGap)
                let value = measure < group.values.count ? group.values[measure] : nil
                let text = measure < group.valueTexts.count ? group.valueTexts[measure] : ""
                let length = length(value)
                out += "<rect class=\"chart-bar\" x=\"\(Self.padding)\" y=\"\(barTop)\" width=\"\(LineChart.number(length))\" height=\"\(Self.barHeight)\" fill=\"\(fill(measure))\"/>"
                out += "<text class=\"chart-value\" x=\"\(LineChart.number(Double(Self.padding) + length + 6))\" y=\"\(barTop + Self.barHeight / 2)\" "
                    + "dominant-baseline=\"middle\">\(XMLText.escaped("\(name) \(text)"))</text>"
            }
            out += "</g>"
        }
        return out + "</svg>"
    }

    private func fill(_ measure: Int) -> String {
        let look = Self.looks[measure % Self.looks.count]
        return look.pattern ? "url(#\(id)-stripes)" : look.colour
    }

    private var key: String {
        var out = "<g class=\"chart-key\">"
        var left = Self.padding
        for (index, name) in measures.enumerated() {
            out += "<rect x=\"\(left)\" y=\"8\" width=\"18\" height=\"18\" fill=\"\(fill(index))\"/>"
            out += "<text class=\"chart-label\" x=\"\(left + 24)\" y=\"17\" dominant-baseline=\"middle\">\(XMLText.escaped(name))</text>"
            left += 24 + name.count * 10 + 20
        }
        return out + "</g>"
    }
}
