public import Foundation
public import WaymarkCore

extension CalendarDate {
    /// Today in the UK, where the service's users live.
    public static func today(from instant: Date) -> CalendarDate {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Europe/London") ?? .gmt
        let parts = calendar.dateComponents([.year, .month, .day], from: instant)
        return (try? CalendarDate(year: parts.year ?? 1970, month: parts.month ?? 1, day: parts.day ?? 1)) ?? CalendarDate(dayNumber: 0)
    }
}
