public import Foundation
public import WaymarkCore

/// Quiet hours are UK wall-clock hours, whatever zone the server runs in.
public enum UKClock {
    public static let zone = TimeZone(identifier: "Europe/London") ?? .gmt

    public static var calendar: Calendar {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        return calendar
    }

    public static func moment(_ instant: Date) -> LocalMoment {
        let parts = calendar.dateComponents([.hour, .minute, .weekday], from: instant)
        return LocalMoment(minuteOfDay: (parts.hour ?? 0) * 60 + (parts.minute ?? 0), weekday: parts.weekday ?? 2)
    }

    /// The first quarter-hour from `instant` outside quiet hours (at most three days on).
    public static func endOfQuiet(after instant: Date, rules: ContactRules) -> Date {
        var candidate = instant
        for _ in 0..<(3 * 24 * 4) where rules.isQuiet(moment(candidate)) {
            candidate = candidate.addingTimeInterval(15 * 60)
        }
        return candidate
    }
}
