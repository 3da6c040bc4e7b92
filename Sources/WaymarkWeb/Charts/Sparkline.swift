import WaymarkCore

/// A word-sized line of a number's recent values, drawn on the server as SVG
/// beside the number on the home page. It is an image with a name and a
/// description that say the first and last values in words, so the shape is
/// never the only way to know the trend; the values are also in the list it
/// links to. Gaps (nil) break the line.
struct Sparkline: Sendable {
    /// The accessible name, e.g. "NEET, month by month".
    let title: String
    /// Labels of the points, earliest first ("Dec 2025"), for the description.
    let labels: [String]
    let values: [Double?]
    /// How a value is written in the description ("5.2%").
    let format: @Sendable (Double) -> String
    /// Distinguishes the ids of two sparklines on one page.
    let id: String

    static let width = 120
    static let height = 28
    static let padding = 3

    /// "From 6.1% (Dec 2025) to 5.2% (Nov 2026); highest 7.0% (Feb 2026)."
    var summary: String {
        let known = zip(labels, values).compactMap { label, value in value.map { (label, $0) } }
        guard let first = known.first, let last = known.last else { return "No values yet." }
        guard known.count > 1 else { return "\(format(first.1)) (\(first.0)); one month so far." }
        let highest = known.max { $0.1 < $1.1 } ?? first
        return "From \(format(first.1)) (\(first.0)) to \(format(last.1)) (\(last.0)); highest \(format(highest.1)) (\(highest.0))."
    }

    /// The y of a value: the lowest and highest values span the height (a flat line sits in the middle).
    func y(_ value: Double) -> Double {
        let known = values.compactMap { $0 }
        let low = known.min() ?? 0, high = known.max() ?? 0
        let room = Double(Self.height - 2 * Self.padding)
        guard high > low else { return Double(Self.height) / 2 }
        return Double(Self.padding) + room * (high - value) / (high - low)
    }

    func x(_ index: Int) -> Double {
        let room = Double(Self.width - 2 * Self.padding)
        return values.count > 1 ? Double(Self.padding) + room * Double(index) / Double(values.count - 1) : Double(Self.width) / 2
    }

    var svg: String {
        let titleID = "\(id)-title", descID = "\(id)-desc"
        var out = """
            <svg xmlns="http://www.w3.org/2000/svg" class="sparkline" role="img" aria-labelledby="\(titleID) \(descID)" \
            viewBox="0 0 \(Self.width) \(Self.height)" width="\(Self.width)" height="\(Self.height)">\
            <title id="\(titleID)">\(XMLText.escaped(title))</title><desc id="\(descID)">\(XMLText.escaped(summary))</desc>
            """
        // One polyline per unbroken run of values.
        var run: [String] = []
        func flush() {
            if run.count > 1 { out += "<polyline class=\"sparkline-line\" fill=\"none\" points=\"\(run.joined(separator: " "))\"/>" }
            run = []
        }
        for (index, value) in values.enumerated() {
            guard let value else {
                flush()
                continue
            }
            run.append(Self.point(x(index), y(value)))
        }
        flush()
        if let lastIndex = values.lastIndex(where: { $0 != nil }), let last = values[lastIndex] {
            out += "<circle class=\"sparkline-end\" cx=\"\(Self.number(x(lastIndex)))\" cy=\"\(Self.number(y(last)))\" r=\"2.5\"/>"
        }
        return out + "</svg>"
    }

    static func point(_ x: Double, _ y: Double) -> String { number(x) + "," + number(y) }

    /// One decimal, without a locale.
    static func number(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded())
        return "\(tenths / 10).\(abs(tenths % 10))"
    }
}
