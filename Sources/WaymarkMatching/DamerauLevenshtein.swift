/// Edit distance counting an insertion, deletion, substitution or swap of two
/// neighbouring letters as one edit (the optimal-string-alignment form), so
/// "jakcson" is one edit from "jackson".
public enum DamerauLevenshtein {
    public static func distance(_ left: String, _ right: String) -> Int {
        distance(Array(left.utf8), Array(right.utf8))
    }

    public static func distance(_ a: [UInt8], _ b: [UInt8]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        let width = b.count + 1
        var beforePrevious = [Int](repeating: 0, count: width)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: width)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                var best = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] { best = min(best, beforePrevious[j - 2] + 1) }
                current[j] = best
            }
            (beforePrevious, previous, current) = (previous, current, beforePrevious)
        }
        return previous[b.count]
    }
}

extension DamerauLevenshtein {
    /// Whether two strings are at most one edit apart (insertion, deletion,
    /// substitution or swap of neighbours), in one pass with no allocation:
    /// record linkage asks this of millions of pairs and needs no more.
    public static func isWithinOneEdit(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
        let (short, long) = a.count <= b.count ? (a, b) : (b, a)
        guard long.count - short.count <= 1 else { return false }
        var start = 0
        while start < short.count, short[start] == long[start] { start += 1 }
        if start == short.count { return true }
        if short.count == long.count {
            // Substitution: the rest equal after this position; swap: the next two crossed.
            if short[(start + 1)...].elementsEqual(long[(start + 1)...]) { return true }
            return start + 1 < short.count && short[start] == long[start + 1] && short[start + 1] == long[start]
                && short[(start + 2)...].elementsEqual(long[(start + 2)...])
        }
        return short[start...].elementsEqual(long[(start + 1)...])
    }

    public static func isWithinOneEdit(_ left: String, _ right: String) -> Bool {
        let a = Array(left.utf8), b = Array(right.utf8)
        return a.withUnsafeBufferPointer { a in b.withUnsafeBufferPointer { b in isWithinOneEdit(a, b) } }
    }
}
