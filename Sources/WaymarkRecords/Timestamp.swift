public import Foundation

/// Instants are stored as ISO 8601 UTC text with whole seconds.
public enum Timestamp {
    public static func format(_ date: Date) -> String {
        date.formatted(.iso8601.year().month().day().dateSeparator(.dash).time(includingFractionalSeconds: false).timeSeparator(.colon).timeZone(separator: .omitted))
    }

    public static func parse(_ text: String) -> Date? {
        try? Date(text, strategy: .iso8601)
    }
}
