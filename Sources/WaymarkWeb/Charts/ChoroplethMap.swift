import Foundation
import WaymarkCore

/// Wards shaded by a rate, drawn on the server as SVG: longitude and
/// latitude projected into the box (east–west squeezed by the cosine of the
/// latitude, so a ward keeps its shape), one path per ward, and a legend of
/// classed bins that says each bin's range in words. Colour is never the only
/// carrier: each ward's path has its name and value as a title, and the
/// page puts the table of wards beside the map. Named and described like
/// ``BarChart``.
struct ChoroplethMap: Sendable {
    struct Region: Sendable, Equatable {
        let code: String
        let name: String
        let polygons: [[[GeoPoint]]]
        /// 0–100; nil when nobody in the ward is in the cohort.
        let percentage: Double?
        /// Read out with the ward's name, e.g. "4.2% of 310".
        let valueText: String
    }

    /// A range of rates and its shade; the last bin includes its upper end.
    struct Bin: Sendable, Equatable {
        let lower: Double
        let upper: Double
        let colour: String
        var label: String { "\(LineChart.percentText(lower)) to \(LineChart.percentText(upper))" }
    }

    let title: String
    let summary: String
    let regions: [Region]
    let bins: [Bin]
    let id: String

    /// Light to dark blue. Each region is outlined in near-black, so a ward's
    /// edge has contrast whatever its shade; the shades step evenly in lightness.
    static let palette = ["#eff3ff", "#bdd7e7", "#6baed6", "#2171b5", "#08306b"]
    static let noData = "#ffffff"

    init(title: String, summary: String, regions: [Region], id: String) {
        self.title = title
        self.summary = summary
        self.regions = regions
        self.bins = Self.bins(regions.compactMap(\.percentage))
        self.id = id
    }

    /// Up to five bins of equal width from the lowest rate to past the highest,
    /// their ends on whole or half percents so the legend reads easily.
    static func bins(_ values: [Double]) -> [Bin] {
        guard let low = values.min(), let high = values.max() else { return [] }
        let lower = (low * 2).rounded(.down) / 2
        var upper = (high * 2).rounded(.up) / 2
        if upper <= lower { upper = lower + 0.5 }
        let count = min(palette.count, max(1, Int(((upper - lower) / 0.5).rounded())))
        var width = ((upper - lower) / Double(count) * 2).rounded(.up) / 2
        if width <= 0 { width = 0.5 }
        return (0..<count).map { index in
            let from = lower + Double(index) * width
            // Shades spread over the palette, so that two bins are light and dark, not the two lightest.
            let shade = count == 1 ? palette.count / 2 : index * (palette.count - 1) / (count - 1)
            return Bin(lower: from, upper: from + width, colour: palette[shade])
        }
    }

    func bin(of percentage: Double?) -> Bin? {
        guard let percentage else { return nil }
        return bins.first { percentage < $0.upper } ?? bins.last
    }

    static let width = 400.0
    static let mapHeightLimit = 420.0
    static let padding = 8.0
    static let legendRow = 26.0

    /// Longitude and latitude to the box, north up.
    struct Projection {
        let west: Double, north: Double, scale: Double, squeeze: Double
        let size: (width: Double, height: Double)

        init(_ regions: [Region], width: Double, heightLimit: Double) {
            let points = regions.flatMap { $0.polygons.flatMap { $0.flatMap { $0 } } }
            let west = points.map(\.longitude).min() ?? 0, east = points.map(\.longitude).max() ?? 1
            let south = points.map(\.latitude).min() ?? 0, north = points.map(\.latitude).max() ?? 1
            squeeze = cos((south + north) / 2 * .pi / 180)
            let spanX = max((east - west) * squeeze, 1e-9), spanY = max(north - south, 1e-9)
            scale = min(width / spanX, heightLimit / spanY)
            self.west = west
            self.north = north
            size = (spanX * scale, spanY * scale)
        }

        func callAsFunction(_ point: GeoPoint) -> (x: Double, y: Double) {
            ((point.longitude - west) * squeeze * scale, (north - point.latitude) * scale)
        }
    }

    /// One path's data: every ring of every polygon, each closed; points that
    /// round to the one before are dropped, so a detailed boundary costs no more than the screen shows.
    static func pathData(_ polygons: [[[GeoPoint]]], _ project: Projection, left: Double, top: Double) -> String {
        var data = ""
        for ring in polygons.flatMap({ $0 }) {
            var last = ""
            var started = false
            for point in ring {
                let (x, y) = project(point)
                let text = "\(coordinate(left + x)),\(coordinate(top + y))"
                guard text != last else { continue }
                data += (started ? "L" : "M") + text
                last = text
                started = true
            }
            if started { data += "Z" }
        }
        return data
    }

    static func coordinate(_ value: Double) -> String { String(format: "%.1f", value) }

    var svg: String {
        let titleID = "\(id)-title", descID = "\(id)-desc"
        let project = Projection(regions, width: Self.width - Self.padding * 2, heightLimit: Self.mapHeightLimit)
        let mapTop = Self.padding
        let legendTop = mapTop + project.size.height + 16
        let hasNoData = regions.contains { $0.percentage == nil }
        let legendRows = Double(bins.count + (hasNoData ? 1 : 0))
        let height = legendTop + legendRows * Self.legendRow + Self.padding
        let left = Self.padding + (Self.width - Self.padding * 2 - project.size.width) / 2
        var out = """
            <svg xmlns="http://www.w3.org/2000/svg" class="chart chart--map" role="img" aria-labelledby="\(titleID) \(descID)" \
            viewBox="0 0 \(LineChart.number(Self.width)) \(LineChart.number(height.rounded(.up)))" width="100%" preserveAspectRatio="xMinYMin meet">\
            <title id="\(titleID)">\(XMLText.escaped(title))</title><desc id="\(descID)">\(XMLText.escaped(summary))</desc>\
            <defs><pattern id="\(id)-none" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">\
            <rect width="6" height="6" fill="#ffffff"/><line x1="0" y1="0" x2="0" y2="6" stroke="#505a5f" stroke-width="1.5"/></pattern></defs>
            """
        out += "<g class=\"map-regions\">"
        for region in regions {
            let fill = bin(of: region.percentage)?.colour ?? "url(#\(id)-none)"
            out += "<path class=\"map-region\" data-ward=\"\(XMLText.escaped(region.code))\" d=\"\(Self.pathData(region.polygons, project, left: left, top: mapTop))\" "
                + "fill=\"\(fill)\" fill-rule=\"evenodd\" stroke=\"\(LineChart.ink)\" stroke-width=\"1\" stroke-linejoin=\"round\">"
                + "<title>\(XMLText.escaped(region.name)): \(XMLText.escaped(region.valueText))</title></path>"
        }
        out += "</g><g class=\"map-legend\">"
        var row = 0.0
        func entry(_ fill: String, _ label: String) {
            let y = legendTop + row * Self.legendRow
            out += "<g class=\"map-legend-entry\"><rect x=\"\(LineChart.number(Self.padding))\" y=\"\(LineChart.number(y))\" width=\"28\" height=\"18\" "
                + "fill=\"\(fill)\" stroke=\"\(LineChart.ink)\" stroke-width=\"1\"/>"
                + "<text class=\"chart-label\" x=\"\(LineChart.number(Self.padding + 38))\" y=\"\(LineChart.number(y + 9))\" dominant-baseline=\"middle\" font-size=\"16\">"
                + "\(XMLText.escaped(label))</text></g>"
            row += 1
        }
        for bin in bins { entry(bin.colour, bin.label) }
        if hasNoData { entry("url(#\(id)-none)", "Nobody in the cohort") }
        return out + "</g></svg>"
    }
}
