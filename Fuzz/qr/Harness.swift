import WaymarkCore

/// The QR encoder and the letter-code reader given any bytes: the encoder
/// takes what fits (213 bytes) and refuses the rest; every symbol it makes
/// has its finder patterns, timing, dark module and both copies of the
/// format information saying level M and the mask it chose. Whatever the
/// code reader accepts reads back the same from its grouped form.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafeRawPointer, _ count: Int) -> CInt {
    let bytes = Array(UnsafeRawBufferPointer(start: data, count: count))
    let code = QRCode(bytes: bytes)
    if (code == nil) != (bytes.count > QRCode.maxBytes) { fatalError("\(bytes.count) bytes: refused \(code == nil)") }
    if let code { check(code) }

    let text = String(decoding: bytes, as: UTF8.self)
    if let letterCode = try? LetterCode(typed: text) {
        guard letterCode.compact.count == LetterCode.length, letterCode.compact.allSatisfy(LetterCode.alphabet.contains),
            (try? LetterCode(typed: letterCode.grouped.lowercased())) == letterCode
        else { fatalError("\(text) read as \(letterCode.compact)") }
    }
    return 0
}

func check(_ code: QRCode) {
    guard code.size == 17 + 4 * code.version, (1...10).contains(code.version), (0..<8).contains(code.mask) else {
        fatalError("version \(code.version) size \(code.size) mask \(code.mask)")
    }
    let last = code.size - 1
    for (x, y) in [(0, 0), (last - 6, 0), (0, last - 6)] {
        for i in 0..<7 where !(code.isDark(x: x + i, y: y) && code.isDark(x: x, y: y + i) && code.isDark(x: x + 6, y: y + i) && code.isDark(x: x + i, y: y + 6)) {
            fatalError("finder at \(x),\(y) broken")
        }
    }
    for i in 8...(last - 8) where code.isDark(x: i, y: 6) != (i % 2 == 0) || code.isDark(x: 6, y: i) != (i % 2 == 0) {
        fatalError("timing broken at \(i)")
    }
    if !code.isDark(x: 8, y: code.size - 8) { fatalError("no dark module") }
    var first = 0, second = 0
    let firstCopy = [(8, 0), (8, 1), (8, 2), (8, 3), (8, 4), (8, 5), (8, 7), (8, 8), (7, 8), (5, 8), (4, 8), (3, 8), (2, 8), (1, 8), (0, 8)]
    for (index, (x, y)) in firstCopy.enumerated() where code.isDark(x: x, y: y) { first |= 1 << index }
    for index in 0..<8 where code.isDark(x: last - index, y: 8) { second |= 1 << index }
    for index in 8..<15 where code.isDark(x: 8, y: code.size - 15 + index) { second |= 1 << index }
    guard first == second else { fatalError("the two copies of the format information differ") }
    let format = first ^ 0x5412
    var remainder = format >> 10
    for _ in 0..<10 { remainder = (remainder << 1) ^ ((remainder >> 9) * 0x537) }
    guard format >> 10 == code.mask, format & 0x3FF == remainder & 0x3FF else {
        fatalError("format information \(format) does not say level M, mask \(code.mask)")
    }
}
