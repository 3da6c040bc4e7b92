/// Turns content into the codeword sequence a symbol carries: byte-mode
/// segment, terminator and padding, split into blocks, each block's
/// Reed–Solomon codewords, all interleaved (ISO/IEC 18004 §7.4–7.6).
enum QRCodewords {
    static func dataCodewords(_ bytes: [UInt8], version: QRVersion) -> [UInt8] {
        var bits = BitBuffer()
        bits.append(0b0100, count: 4)  // byte mode
        bits.append(bytes.count, count: version.countBits)
        for byte in bytes { bits.append(Int(byte), count: 8) }
        let capacityBits = version.dataCapacity * 8
        bits.append(0, count: min(4, capacityBits - bits.count))  // terminator, shortened when the symbol is full
        bits.append(0, count: (8 - bits.count % 8) % 8)
        var codewords = bits.bytes
        var pad: UInt8 = 0xEC
        while codewords.count < version.dataCapacity {
            codewords.append(pad)
            pad = pad == 0xEC ? 0x11 : 0xEC
        }
        return codewords
    }

    /// Data and error-correction codewords in the order they are placed in the symbol.
    static func interleaved(_ data: [UInt8], version: QRVersion) -> [UInt8] {
        let code = ReedSolomon(degree: version.ecPerBlock)
        var blocks: [[UInt8]] = []
        var start = 0
        for length in version.dataBlockLengths {
            blocks.append(Array(data[start..<start + length]))
            start += length
        }
        let corrections = blocks.map(code.errorCorrection(for:))
        var result: [UInt8] = []
        for index in 0..<(version.dataBlockLengths.max() ?? 0) {
            for block in blocks where index < block.count { result.append(block[index]) }
        }
        for index in 0..<version.ecPerBlock {
            for correction in corrections { result.append(correction[index]) }
        }
        return result
    }
}

/// Bits appended most significant first, read out as bytes.
struct BitBuffer {
    private(set) var bits: [Bool] = []

    var count: Int { bits.count }

    mutating func append(_ value: Int, count: Int) {
        for shift in stride(from: count - 1, through: 0, by: -1) { bits.append((value >> shift) & 1 == 1) }
    }

    var bytes: [UInt8] {
        stride(from: 0, to: bits.count, by: 8).map { start in
            bits[start..<min(start + 8, bits.count)].enumerated().reduce(UInt8(0)) { byte, bit in
                bit.element ? byte | (0x80 >> UInt8(bit.offset)) : byte
            }
        }
    }
}
