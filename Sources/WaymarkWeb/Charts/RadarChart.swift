import Foundation
import WaymarkCore

/// Assessments as rings on a radar: one axis per area, one polygon per
/// completed assessment or review, so the latest ring can be read against
/// the earlier ones. Drawn on the server as SVG like ``LineChart``: an image
/// with a name and a description, a sentence before it and the ratings in a
/// table beside it. Further from the centre is always better, whichever way
/// the instrument's scale runs. Axes are numbered, not named, because
/// fourteen area names do not fit round a circle on a phone; the table
/// beside it names each number. Rings differ by dash and width as well as
/// colour, and the key names each with its date.
struct RadarChart: Sendable {
    struct Ring: Sendable {
        let name: String
        /// For each axis, 0 (worst) … `steps` (best); nil where the area was not rated.
        let values: [Int?]
        let style: LineChart.Style
    }

    let title: String
    let summary: String
    /// The areas' names, one axis each, clockwise from the top.
    let axes: [String]
    /// Points on the scale above its worst (a five-point scale has 4).
    let steps: Int
    /// Oldest first; the last is drawn on top.
    let rings: [Ring]
    let id: String

    static let width = 480
    static let centreX = 240.0
    static let centreY = 200.0
    static let radius = 160.0
    static let keyTop = 400
    static let keyRowHeight = 26

    var height: Int { Self.keyTop + max(1, rings.count) * Self.keyRowHeight + 8 }

    /// The worst point sits on the innermost circle, not the centre, so a ring rated worst everywhere is still a ring.
    func distance(_ value: Int) -> Double {
        Self.radius * Double(value + 1) / Double(steps + 1)
    }

    func angle(_ axis: Int) -> Double {
        -Double.pi / 2 + 2 * Double.pi * Double(axis) / Double(max(1, axes.count))
    }

    func point(_ axis: Int, _ distance: Double) -> (Double, Double) {
        (Self.centreX + distance * cos(angle(axis)), Self.centreY + distance * sin(angle(axis)))
    }

    var svg: String {
        let titleID = "\(id)-title"
        let descID = "\(id)-desc"
        var out = """
            <svg xmlns="http://www.w3.org/2000/svg" class="chart chart--radar" role="img" aria-labelledby="\(titleID) \(descID)" \
            viewBox="0 0 \(Self.width) \(height)" width="100%" preserveAspectRatio="xMinYMin meet">\
            <title id="\(titleID)">\(XMLText.escaped(title))</title><desc id="\(descID)">\(XMLText.escaped(summary))</desc>
            """
        out += grid
        for ring in rings { out += drawn(ring) }
        return out + key + "</svg>"
    }

    /// Circles for the scale's points and a line per axis, numbered at its end (circles and lines, never polygons: a polygon is a ring).
    private var grid: String {
        var out = "<g class=\"chart-grid\">"
        for step in 0...steps {
            out += "<circle cx=\"\(LineChart.number(Self.centreX))\" cy=\"\(LineChart.number(Self.centreY))\" r=\"\(LineChart.number(distance(step)))\" "
                + "fill=\"none\" stroke=\"\(step == steps ? LineChart.ink : LineChart.gridColour)\"/>"
        }
        for index in axes.indices {
            let end = point(index, Self.radius)
            let label = point(index, Self.radius + 18)
            out += "<line class=\"chart-axis\" x1=\"\(LineChart.number(Self.centreX))\" y1=\"\(LineChart.number(Self.centreY))\" "
                + "x2=\"\(LineChart.number(end.0))\" y2=\"\(LineChart.number(end.1))\" stroke=\"\(LineChart.gridColour)\"/>"
            out += "<text class=\"chart-label\" x=\"\(LineChart.number(label.0))\" y=\"\(LineChart.number(label.1))\" text-anchor=\"middle\" "
                + "dominant-baseline=\"middle\" font-size=\"15\">\(index + 1)</text>"
        }
        return out + "</g>"
    }

    private func drawn(_ ring: Ring) -> String {
        let look = LineChart.look(ring.style)
        let points = ring.values.enumerated().map { index, value in point(index, value.map(distance) ?? 0) }
        let list = points.map { "\(LineChart.number($0.0)),\(LineChart.number($0.1))" }.joined(separator: " ")
        var out = "<g class=\"chart-ring\(ring.style == .ghost ? " chart-ring--ghost" : "")\">"
        out += "<polygon points=\"\(list)\" fill=\"\(ring.style == .solid ? look.colour : "none")\"\(ring.style == .solid ? " fill-opacity=\"0.12\"" : "") "
            + "stroke=\"\(look.colour)\" stroke-width=\"\(look.width)\"\(look.dash.map { " stroke-dasharray=\"\($0)\"" } ?? "")/>"
        if ring.style == .solid {
            for (index, value) in ring.values.enumerated() where value != nil {
                out += "<circle cx=\"\(LineChart.number(points[index].0))\" cy=\"\(LineChart.number(points[index].1))\" r=\"3.5\" fill=\"\(look.colour)\"/>"
            }
        }
        return out + "</g>"
    }

    private var key: String {
        var out = "<g class=\"chart-key\">"
        for (index, ring) in rings.enumerated().reversed() {
            let look = LineChart.look(ring.style)
            let middle = Self.keyTop + (rings.count - 1 - index) * Self.keyRowHeight + Self.keyRowHeight / 2
            out += "<line x1=\"8\" x2=\"44\" y1=\"\(middle)\" y2=\"\(middle)\" stroke=\"\(look.colour)\" stroke-width=\"\(look.width)\""
                + "\(look.dash.map { " stroke-dasharray=\"\($0)\"" } ?? "")/>"
            out += "<text class=\"chart-label\" x=\"52\" y=\"\(middle)\" dominant-baseline=\"middle\" font-size=\"17\">\(XMLText.escaped(ring.name))</text>"
        }
        return out + "</g>"
    }

    /// The latest solid, the one before dashed, the one before that dotted, older ones faint.
    static func styles(count: Int) -> [LineChart.Style] {
        (0..<count).map { index in
            switch count - 1 - index {
            case 0: .solid
            case 1: .dashed
            case 2: .dotted
            default: .ghost
            }
        }
    }
}
