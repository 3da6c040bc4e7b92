/// A QR code symbol: byte mode, error-correction level M, versions 1–10.
/// Pure: the pages draw it (as SVG) and the tests decode it.
public struct QRCode: Sendable, Equatable {
    /// Modules along each side, not counting the quiet zone.
    public let size: Int
    public let version: Int
    /// The mask pattern (0–7) chosen for the lowest penalty.
    public let mask: Int
    /// Row by row, `true` for dark.
    let modules: [Bool]

    /// Encodes `text` as UTF-8; nil when it needs more than version 10 holds (213 bytes).
    public init?(encoding text: String) {
        self.init(bytes: Array(text.utf8))
    }

    public init?(bytes: [UInt8]) {
        guard let version = QRVersion.smallest(holding: bytes.count) else { return nil }
        let codewords = QRCodewords.interleaved(QRCodewords.dataCodewords(bytes, version: version), version: version)
        var grid = QRGrid(version: version)
        grid.place(codewords)
        var best: (mask: Int, grid: QRGrid, penalty: Int)?
        for mask in 0..<8 {
            var candidate = grid
            candidate.apply(mask: mask)
            candidate.drawFormat(mask: mask)
            let penalty = QRPenalty.score(candidate.modules, size: candidate.size)
            if best == nil || penalty < best!.penalty { best = (mask, candidate, penalty) }
        }
        guard let best else { return nil }
        self.size = version.size
        self.version = version.number
        self.mask = best.mask
        self.modules = best.grid.modules
    }

    /// The longest content, in UTF-8 bytes, that fits.
    public static let maxBytes = QRVersion.levelM.last!.byteCapacity

    public func isDark(x: Int, y: Int) -> Bool {
        guard (0..<size).contains(x), (0..<size).contains(y) else { return false }
        return modules[y * size + x]
    }
}
