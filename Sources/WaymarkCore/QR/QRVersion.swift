/// The sizes this encoder offers: versions 1–10 at error-correction level M,
/// which hold up to 213 bytes, far more than a short link needs.
/// Figures from ISO/IEC 18004 tables 1, 9 and E.1.
struct QRVersion: Sendable, Equatable {
    let number: Int
    /// Error-correction codewords in every block.
    let ecPerBlock: Int
    /// Data codewords in each block: the short blocks first, then any one longer.
    let dataBlockLengths: [Int]
    /// Centres of the alignment patterns along each axis.
    let alignmentCentres: [Int]

    var size: Int { 17 + 4 * number }
    var dataCapacity: Int { dataBlockLengths.reduce(0, +) }
    /// Bits in byte mode's character count: 8 up to version 9, 16 from version 10.
    var countBits: Int { number < 10 ? 8 : 16 }
    /// How many bytes of content fit after the mode indicator and the count.
    var byteCapacity: Int { (dataCapacity * 8 - 4 - countBits) / 8 }

    static let levelM: [QRVersion] = [
        QRVersion(number: 1, ecPerBlock: 10, dataBlockLengths: [16], alignmentCentres: []),
        QRVersion(number: 2, ecPerBlock: 16, dataBlockLengths: [28], alignmentCentres: [6, 18]),
        QRVersion(number: 3, ecPerBlock: 26, dataBlockLengths: [44], alignmentCentres: [6, 22]),
        QRVersion(number: 4, ecPerBlock: 18, dataBlockLengths: [32, 32], alignmentCentres: [6, 26]),
        QRVersion(number: 5, ecPerBlock: 24, dataBlockLengths: [43, 43], alignmentCentres: [6, 30]),
        QRVersion(number: 6, ecPerBlock: 16, dataBlockLengths: [27, 27, 27, 27], alignmentCentres: [6, 34]),
        QRVersion(number: 7, ecPerBlock: 18, dataBlockLengths: [31, 31, 31, 31], alignmentCentres: [6, 22, 38]),
        QRVersion(number: 8, ecPerBlock: 22, dataBlockLengths: [38, 38, 39, 39], alignmentCentres: [6, 24, 42]),
        QRVersion(number: 9, ecPerBlock: 22, dataBlockLengths: [36, 36, 36, 37, 37], alignmentCentres: [6, 26, 46]),
        QRVersion(number: 10, ecPerBlock: 26, dataBlockLengths: [43, 43, 43, 43, 44], alignmentCentres: [6, 28, 50]),
    ]

    /// The smallest version that holds `byteCount` bytes, or nil when none does.
    static func smallest(holding byteCount: Int) -> QRVersion? {
        levelM.first { $0.byteCapacity >= byteCount }
    }
}
