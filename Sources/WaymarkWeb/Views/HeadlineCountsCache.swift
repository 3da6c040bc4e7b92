import Foundation
import WaymarkCore
import WaymarkStore

/// The home page's LA-wide counts, kept for a short while: classifying a
/// quarter of a million people takes over a second, and a page everyone
/// opens many times a day should not pay it each time. The page says when
/// the figures were counted.
actor HeadlineCountsCache {
    private var cached: (day: CalendarDate, at: Date, counts: ParticipationCounts)?
    let lifetime: TimeInterval

    init(lifetime: TimeInterval) {
        self.lifetime = lifetime
    }

    func counts(on day: CalendarDate, now: Date, count: @Sendable () async throws -> ParticipationCounts) async throws -> (counts: ParticipationCounts, countedAt: Date) {
        if let cached, cached.day == day, now.timeIntervalSince(cached.at) < lifetime, now >= cached.at {
            return (cached.counts, cached.at)
        }
        let counts = try await count()
        cached = (day, now, counts)
        return (counts, now)
    }
}
