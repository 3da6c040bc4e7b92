/// Finds the first byte that is not UTF-8, so a file saved as Latin-1 or
/// Windows-1252 ("Ren\u{E9}e" as 0x52 0x65 0x6E 0xE9 0x65) is refused with its
/// place instead of being read with replacement characters in people's names.
enum UTF8Check {
    /// The offset and 1-based line of the first invalid byte, or nil when all are valid.
    static func firstInvalidByte(_ bytes: [UInt8]) -> (offset: Int, line: Int)? {
        var index = 0
        var line = 1
        let count = bytes.count
        while index < count {
            let byte = bytes[index]
            if byte < 0x80 {
                if byte == 0x0A { line += 1 }
                index += 1
                continue
            }
            // Lead byte: how many continuation bytes, and the allowed range of the
            // first one (which rules out overlong forms and surrogates).
            let length: Int
            var low: UInt8 = 0x80
            var high: UInt8 = 0xBF
            switch byte {
            case 0xC2...0xDF: length = 1
            case 0xE0: length = 2; low = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: length = 2
            case 0xED: length = 2; high = 0x9F
            case 0xF0: length = 3; low = 0x90
            case 0xF1...0xF3: length = 3
            case 0xF4: length = 3; high = 0x8F
            default: return (index, line)
            }
            guard index + length < count else { return (index, line) }
            for step in 1...length {
                let next = bytes[index + step]
                let (min, max) = step == 1 ? (low, high) : (0x80, 0xBF)
                guard next >= min, next <= max else { return (index, line) }
            }
            index += length + 1
        }
        return nil
    }
}
