import Foundation
import WaymarkApp
import WaymarkCore

extension UKTime {
    /// "Tuesday 1 December 2026, 14:30" in UK time.
    static func describe(instant: Date) -> String {
        let calendar = UKClock.calendar
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: instant)
        guard let year = parts.year, let month = parts.month, let day = parts.day, let date = try? CalendarDate(year: year, month: month, day: day)
        else { return instant.formatted(.iso8601) }
        return "\(date.longDescription), " + String(format: "%02d:%02d", parts.hour ?? 0, parts.minute ?? 0)
    }

    /// "14:30" when `instant` is on the same UK day as `now`, the full date and time otherwise.
    static func describe(instant: Date, relativeTo now: Date) -> String {
        let calendar = UKClock.calendar
        guard calendar.isDate(instant, inSameDayAs: now) else { return describe(instant: instant) }
        let parts = calendar.dateComponents([.hour, .minute], from: instant)
        return String(format: "%02d:%02d today", parts.hour ?? 0, parts.minute ?? 0)
    }
}
