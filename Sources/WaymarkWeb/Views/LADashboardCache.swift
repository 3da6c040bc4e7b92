import Foundation
import WaymarkApp
import WaymarkCore

/// The LA's figures on the home page, kept for a short while like the
/// headline counts: they are the same for every figures reader of the LA,
/// and summing the LA's steps on each home page doubled its cost at 250,000
/// people. A change posted here sets them aside at once (``FreshCountsAfterChangeMiddleware``);
/// changes by jobs or other servers show within the lifetime, as the page says of its counts.
actor LADashboardCache {
    private var cached: (day: CalendarDate, at: Date, dashboard: LADashboard)?
    /// Moves on with every change, so a read begun before one is not kept.
    private var generation = 0
    let lifetime: TimeInterval

    init(lifetime: TimeInterval) {
        self.lifetime = lifetime
    }

    /// The kept figures of `day` while fresh, else `read`'s (kept for the next page).
    /// The caller has already checked that the grant may read figures.
    func dashboard(on day: CalendarDate, now: Date, read: () async throws -> LADashboard) async throws -> LADashboard {
        if let cached, cached.day == day, now >= cached.at, now.timeIntervalSince(cached.at) < lifetime { return cached.dashboard }
        let started = generation
        let dashboard = try await read()
        if started == generation, lifetime > 0 { cached = (day, now, dashboard) }
        return dashboard
    }

    func changed() {
        cached = nil
        generation &+= 1
    }
}
