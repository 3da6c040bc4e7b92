import Foundation
import WaymarkApp
import WaymarkCore
import WaymarkRecords

/// Times as advisers type and read them: UK wall-clock time, whatever the
/// server's zone, so "10:30" is 10:30 in Leeds in winter and in summer.
enum UKTime {
    static var zone: TimeZone { UKClock.zone }

    private static var calendar: Calendar { UKClock.calendar }

    /// "14:30", "9:05" or "14:30:00" (what `<input type=time>` may send), or nil.
    static func clock(_ text: String) -> (hour: Int, minute: Int)? {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard (2...3).contains(parts.count), parts.allSatisfy({ (1...2).contains($0.count) && $0.allSatisfy({ $0.isASCII && $0.isNumber }) }),
            let hour = Int(parts[0]), let minute = Int(parts[1]), (0...23).contains(hour), (0...59).contains(minute)
        else { return nil }
        return (hour, minute)
    }

    /// The instant of a UK date and clock time.
    static func instant(on date: CalendarDate, hour: Int, minute: Int) -> Date? {
        calendar.date(from: DateComponents(year: date.year, month: date.month, day: date.day, hour: hour, minute: minute))
    }

    /// "Tuesday 24 November 2026, 10:30" for a stored UTC timestamp; the text itself if it cannot be read.
    static func describe(_ stored: String) -> String {
        guard let instant = Timestamp.parse(stored) else { return stored }
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: instant)
        guard let year = parts.year, let month = parts.month, let day = parts.day, let date = try? CalendarDate(year: year, month: month, day: day)
        else { return stored }
        return "\(date.longDescription), " + clock(of: parts)
    }

    /// "10:30", UK time, for a stored UTC timestamp; the text itself if it cannot be read.
    static func clockTime(_ stored: String) -> String {
        guard let instant = Timestamp.parse(stored) else { return stored }
        return clock(of: calendar.dateComponents([.hour, .minute], from: instant))
    }

    private static func clock(of parts: DateComponents) -> String {
        String(format: "%02d:%02d", parts.hour ?? 0, parts.minute ?? 0)
    }
}
