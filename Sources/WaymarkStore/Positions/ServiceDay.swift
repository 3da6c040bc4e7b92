public import Foundation
public import WaymarkCore

/// The calendar day an instant falls on where the service's users live (the UK).
public enum ServiceDay {
    public static func of(_ instant: Date) -> CalendarDate {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Europe/London") ?? .gmt
        let parts = calendar.dateComponents([.year, .month, .day], from: instant)
        return (try? CalendarDate(year: parts.year ?? 1970, month: parts.month ?? 1, day: parts.day ?? 1)) ?? CalendarDate(dayNumber: 0)
    }
}
