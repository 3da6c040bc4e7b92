import Foundation
import WaymarkCore

/// A QR code drawn as SVG: one path of unit squares on a white ground with
/// the four-module quiet zone scanners need, sized in the page's units so it
/// prints crisp at any resolution. It is an image named for what it holds.
enum QRCodeSVG {
    static let quietZone = 4

    /// `label` says what scanning it does; `size` is the printed width, e.g. "3cm".
    static func render(_ code: QRCode, label: String, size: String) -> String {
        let side = code.size + 2 * quietZone
        var path = ""
        for y in 0..<code.size {
            var x = 0
            while x < code.size {
                guard code.isDark(x: x, y: y) else { x += 1; continue }
                // One rectangle per run of dark modules keeps the path short.
                var run = 1
                while code.isDark(x: x + run, y: y) { run += 1 }
                path += "M\(x + quietZone) \(y + quietZone)h\(run)v1h-\(run)z"
                x += run
            }
        }
        let escaped = label.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: "\"", with: "&quot;")
        return """
            <svg xmlns="http://www.w3.org/2000/svg" class="qr-code" role="img" aria-label="\(escaped)" viewBox="0 0 \(side) \(side)" \
            width="\(size)" height="\(size)" shape-rendering="crispEdges"><rect width="\(side)" height="\(side)" fill="#fff"/>\
            <path fill="#000" d="\(path)"/></svg>
            """
    }
}
