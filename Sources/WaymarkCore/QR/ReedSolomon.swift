/// Reed–Solomon error-correction codewords as QR codes use them (ISO/IEC 18004 §7.5.2).
public struct ReedSolomon: Sendable {
    /// The generator polynomial's coefficients, highest power first, the leading 1 left out.
    let divisor: [UInt8]

    /// A code adding `degree` error-correction codewords to each block.
    public init(degree: Int) {
        precondition((1...255).contains(degree), "Reed–Solomon degree must be 1–255")
        // (x − α⁰)(x − α¹)…(x − α^(degree−1)), multiplied out one factor at a time.
        var coefficients = [UInt8](repeating: 0, count: degree)
        coefficients[degree - 1] = 1
        var root: UInt8 = 1
        for _ in 0..<degree {
            for index in coefficients.indices {
                coefficients[index] = GaloisField.multiply(coefficients[index], root)
                if index + 1 < degree { coefficients[index] ^= coefficients[index + 1] }
            }
            root = GaloisField.multiply(root, 0x02)
        }
        divisor = coefficients
    }

    /// The remainder of the data polynomial divided by the generator: the codewords appended to `data`.
    public func errorCorrection(for data: [UInt8]) -> [UInt8] {
        var remainder = [UInt8](repeating: 0, count: divisor.count)
        for byte in data {
            let factor = byte ^ remainder.removeFirst()
            remainder.append(0)
            for index in remainder.indices { remainder[index] ^= GaloisField.multiply(divisor[index], factor) }
        }
        return remainder
    }
}
