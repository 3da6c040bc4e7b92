public import Foundation

/// How long generated return files stay on the server. The default, 13 months,
/// keeps a year of monthly returns plus the month still open to resubmission
/// (docs/POLICIES.md); the history rows and their checksums stay for good.
public struct ReturnRetention: Sendable, Equatable {
    public var months: Int

    public init(months: Int) {
        self.months = months
    }

    public static let standard = ReturnRetention(months: 13)

    /// Files last written before this moment are past the period.
    public func cutoff(at now: Date) -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
        return calendar.date(byAdding: .month, value: -months, to: now) ?? now
    }

    /// From `--keep-months`, else WAYMARK_RETURNS_KEEP_MONTHS, else the default.
    public static func configured(_ flag: Int?, environment: [String: String]) throws -> ReturnRetention {
        guard let months = flag ?? environment["WAYMARK_RETURNS_KEEP_MONTHS"].flatMap(Int.init) else { return .standard }
        guard months >= 1 else { throw RetentionError.tooShort(months) }
        return ReturnRetention(months: months)
    }

    public enum RetentionError: Error, CustomStringConvertible {
        case tooShort(Int)

        public var description: String {
            switch self {
            case .tooShort(let months): "returns must be kept for at least one month, not \(months)"
            }
        }
    }
}
