/// A date of birth as plain numbers. It is not checked against the calendar
/// here: a source's 31 February is still evidence when compared with 31 January.
public struct BirthDate: Sendable, Hashable {
    public let year: Int
    public let month: Int
    public let day: Int

    public init(year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// "2009-03-14" → 2009, 3, 14; nil unless it is a real date in that form.
    public init?(iso text: String) {
        let bytes = Array(text.utf8)
        guard bytes.count == 10, bytes[4] == 0x2D, bytes[7] == 0x2D else { return nil }
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for byte in bytes[range] {
                guard byte >= 0x30, byte <= 0x39 else { return nil }
                value = value * 10 + Int(byte - 0x30)
            }
            return value
        }
        guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10) else { return nil }
        guard (1...12).contains(month), day >= 1, day <= BirthDate.days(inMonth: month, year: year) else { return nil }
        self.init(year: year, month: month, day: day)
    }

    /// YYYYMMDD as one number, so "one digit wrong" compares digit by digit.
    var packed: Int32 { Int32(year * 10_000 + month * 100 + day) }

    /// Days since 1 March of year 0, for "within a year".
    var dayNumber: Int32 {
        let y = month <= 2 ? year - 1 : year
        let m = month <= 2 ? month + 9 : month - 3
        return Int32(365 * y + y / 4 - y / 100 + y / 400 + (153 * m + 2) / 5 + day - 1)
    }

    static func days(inMonth month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }
}
