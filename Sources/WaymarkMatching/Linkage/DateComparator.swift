/// Levels for two dates of birth given as YYYYMMDD (0 for missing) and day numbers.
enum DateComparator {
    static func level(_ a: Int32, _ b: Int32, dayA: Int32, dayB: Int32) -> DateLevel {
        if a == 0 || b == 0 { return .missing }
        if a == b { return .exact }
        let (ya, ma, da) = (a / 10_000, a / 100 % 100, a % 100)
        let (yb, mb, db) = (b / 10_000, b / 100 % 100, b % 100)
        if ya == yb, ma == db, da == mb { return .swappedDayMonth }
        if digitsOneApart(a, b) { return .oneDigit }
        if abs(dayA - dayB) <= 365 { return .withinYear }
        return .different
    }

    /// One of the eight digits differs, or two neighbouring digits are swapped.
    static func digitsOneApart(_ a: Int32, _ b: Int32) -> Bool {
        var x = a, y = b
        var differing = 0, firstAt = -1, swapped = false
        var previousX: Int32 = -1, previousY: Int32 = -1
        for index in 0..<8 {
            let dx = x % 10, dy = y % 10
            if dx != dy {
                differing += 1
                if differing == 2, firstAt == index - 1, dx == previousY, dy == previousX { swapped = true }
                if firstAt < 0 { firstAt = index }
            }
            (previousX, previousY) = (dx, dy)
            x /= 10
            y /= 10
        }
        return differing == 1 || (differing == 2 && swapped)
    }
}
