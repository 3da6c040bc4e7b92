import Foundation
import WaymarkCore
import WaymarkRecords

/// The home page's LA-wide counts, kept for a short while: classifying a
/// quarter of a million people takes seconds, and a page everyone opens many
/// times a day must not pay it each time, nor pay it once per person waiting
/// when it is due (64 advisers opening home at nine o'clock).
///
/// One count runs at a time and everyone waiting shares it. Once counts exist
/// for the day, expired ones are still shown (the page says when they were
/// counted) while a fresh count runs in the background.
actor HeadlineCountsCache {
    typealias Count = @Sendable (CalendarDate) async throws -> ParticipationCounts
    private var cached: (day: CalendarDate, at: Date, counts: ParticipationCounts)?
    private var inFlight: (day: CalendarDate, task: Task<(ParticipationCounts, Date), any Error>)?
    /// Moves on with every change, so a count that began before one is not cached.
    private var generation = 0
    let lifetime: TimeInterval

    init(lifetime: TimeInterval) {
        self.lifetime = lifetime
    }

    func counts(on day: CalendarDate, now: Date, count: @escaping Count) async throws -> (counts: ParticipationCounts, countedAt: Date) {
        // A lifetime of zero means never reuse: every page waits for its own (shared) count.
        if let cached, cached.day == day, now >= cached.at, lifetime > 0 {
            if now.timeIntervalSince(cached.at) >= lifetime { _ = refresh(on: day, now: now, count: count) }
            return (cached.counts, cached.at)
        }
        return try await refresh(on: day, now: now, count: count).value
    }

    /// Something was changed here: the next page counts afresh and waits for
    /// it, and a count begun before the change is not kept.
    func changed() {
        cached = nil
        inFlight = nil
        generation &+= 1
    }

    /// Starts counting in the background (at start-up, so the first home page does not wait).
    func prewarm(on day: CalendarDate, now: Date, count: @escaping Count) {
        if cached?.day != day { _ = refresh(on: day, now: now, count: count) }
    }

    /// Waits for a count in progress; tests use it to see the background count land.
    func settle() async {
        _ = try? await inFlight?.task.value
    }

    private func refresh(on day: CalendarDate, now: Date, count: @escaping Count) -> Task<(ParticipationCounts, Date), any Error> {
        if let inFlight, inFlight.day == day { return inFlight.task }
        let started = generation
        let task = Task { () throws -> (ParticipationCounts, Date) in
            do {
                let counts = try await count(day)
                self.finish(day: day, at: now, counts: counts, generation: started)
                return (counts, now)
            } catch {
                self.finish(day: day, at: nil, counts: nil, generation: started)
                throw error
            }
        }
        inFlight = (day, task)
        return task
    }

    private func finish(day: CalendarDate, at: Date?, counts: ParticipationCounts?, generation started: Int) {
        guard started == generation else { return }
        if let at, let counts, cached.map({ $0.day != day || $0.at <= at }) ?? true { cached = (day, at, counts) }
        if inFlight?.day == day { inFlight = nil }
    }
}
