/// Jaro–Winkler similarity between two normalised tokens: 1 for equal, 0 for
/// nothing in common. A shared beginning (up to four letters) counts extra,
/// as typing mistakes happen more towards the end of a name.
public enum JaroWinkler {
    public static func similarity(_ left: String, _ right: String) -> Double {
        similarity(Array(left.utf8), Array(right.utf8))
    }

    public static func similarity(_ a: [UInt8], _ b: [UInt8]) -> Double {
        a.withUnsafeBufferPointer { a in b.withUnsafeBufferPointer { b in similarity(a, b) } }
    }

    /// The same on borrowed bytes, for record linkage's comparison loop, which
    /// keeps every name in one flat array and must not copy.
    public static func similarity(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Double {
        if a.isEmpty && b.isEmpty { return 1 }
        if a.isEmpty || b.isEmpty { return 0 }
        if a.elementsEqual(b) { return 1 }
        // Names are short: the match flags fit in one word each, with no allocation.
        let a = UnsafeBufferPointer(rebasing: a.prefix(64)), b = UnsafeBufferPointer(rebasing: b.prefix(64))
        return jaroWinkler(a, b, window: max(0, max(a.count, b.count) / 2 - 1))
    }

    private static func jaroWinkler(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>, window: Int) -> Double {
        var aMatched: UInt64 = 0, bMatched: UInt64 = 0
        var matches = 0
        for i in 0..<a.count {
            let low = max(0, i - window), high = min(b.count - 1, i + window)
            guard low <= high else { continue }
            for j in low...high where bMatched & (1 << UInt64(j)) == 0 && a[i] == b[j] {
                aMatched |= 1 << UInt64(i)
                bMatched |= 1 << UInt64(j)
                matches += 1
                break
            }
        }
        guard matches > 0 else { return 0 }
        var transpositions = 0, j = 0
        for i in 0..<a.count where aMatched & (1 << UInt64(i)) != 0 {
            while bMatched & (1 << UInt64(j)) == 0 { j += 1 }
            if a[i] != b[j] { transpositions += 1 }
            j += 1
        }
        let m = Double(matches)
        let jaro = (m / Double(a.count) + m / Double(b.count) + (m - Double(transpositions / 2)) / m) / 3
        var prefix = 0
        while prefix < min(4, a.count, b.count), a[prefix] == b[prefix] { prefix += 1 }
        return jaro + Double(prefix) * 0.1 * (1 - jaro)
    }
}
