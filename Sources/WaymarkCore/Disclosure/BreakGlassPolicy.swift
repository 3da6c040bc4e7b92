public import Foundation

/// How long a break-the-glass access lasts. Long enough to deal with an
/// emergency in one working session, short enough that nobody keeps special
/// category information open "just in case" (docs/POLICIES.md, "Break the glass").
public struct BreakGlassPolicy: Sendable, Equatable {
    public let hours: Int

    /// The range an installation may choose from: at least an hour to act, at most a day.
    public static let allowedHours = 1...24

    public static let standard = BreakGlassPolicy(unchecked: 4)

    public init(hours: Int) throws(BreakGlassPolicyError) {
        guard Self.allowedHours.contains(hours) else { throw .outOfRange(hours) }
        self.hours = hours
    }

    private init(unchecked hours: Int) {
        self.hours = hours
    }

    public var duration: TimeInterval { TimeInterval(hours) * 3600 }

    /// From `--break-glass-hours`, else WAYMARK_BREAK_GLASS_HOURS, else the standard four hours.
    public static func configured(_ flag: Int?, environment: [String: String]) throws(BreakGlassPolicyError) -> BreakGlassPolicy {
        if let flag { return try BreakGlassPolicy(hours: flag) }
        guard let text = environment["WAYMARK_BREAK_GLASS_HOURS"] else { return .standard }
        guard let hours = Int(text) else { throw .notAWholeNumber(text) }
        return try BreakGlassPolicy(hours: hours)
    }

    /// When an access granted at `grantedAt` stops opening anything.
    public func expiry(from grantedAt: Date) -> Date {
        grantedAt.addingTimeInterval(duration)
    }
}

public enum BreakGlassPolicyError: Error, Equatable, CustomStringConvertible {
    case outOfRange(Int)
    case notAWholeNumber(String)

    public var description: String {
        switch self {
        case .outOfRange(let hours):
            "break-the-glass access must last from \(BreakGlassPolicy.allowedHours.lowerBound) to \(BreakGlassPolicy.allowedHours.upperBound) hours, not \(hours)"
        case .notAWholeNumber(let text):
            "WAYMARK_BREAK_GLASS_HOURS must be a whole number of hours, not '\(text.prefix(20))'"
        }
    }
}
