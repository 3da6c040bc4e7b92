import Foundation
import Hummingbird
import WaymarkApp
import WaymarkCore
import WaymarkRecords

/// The signed-in home page: "my work today" for an adviser, the team for a
/// manager, the LA's headline counts for those who read figures. Any
/// signed-in user may open it; each part asks for its own permission.
struct HomeController {
    let services: WebServices
    let templates: Templates

    var endpoints: RouteCollection<WebContext> {
        let routes = RouteCollection(context: WebContext.self)
        routes.requiring(nil).get("", use: show)
        return routes
    }

    func show(_ request: Request, context: StaffContext) async throws -> Response {
        let grant = context.grant
        // The team table's download; the use case refuses a role without a team.
        if let format = try Downloads.format(request) {
            return Downloads.response(try await services.app.workspace.teamExport(format: format, for: grant, at: services.now()))
        }
        // A school's or college's home is its portal: its leavers, not an instruction to search.
        if grant.allows(.schoolPortal) { return try await PortalController(services: services, templates: templates).leavers(request, context: context) }
        // A partner service's home is its referrals: in and out, its young people, what is due.
        if grant.allows(.workReferrals) { return try await ReferralsController(services: services, templates: templates).list(request, context: context) }
        let now = services.now()
        let today = CalendarDate.today(from: now)
        var page = HomePage(user: context.user, csrf: context.csrf, laName: services.registry.name(of: services.laCode) ?? services.laCode.code,
                            laCode: services.laCode.code, date: today.longDescription)
        page.showNotices(try await services.app.notices.recent(for: grant, at: now), now: now)
        page.showReferralNews(try await services.app.referrals.news(for: grant, at: now))
        page.showReferralReminders(try await services.app.referrals.reminders(for: grant, at: now))
        if grant.allows(.changeOwnCaseload) {
            page.showWork(try await services.app.workspace.workToday(for: grant, at: now))
            page.showOutcomes(try await services.app.workspace.myOutcomes(for: grant, at: now))
        }
        if grant.allows(.teamOverview) {
            let lines = try await services.app.workspace.teamDashboard(for: grant, at: now)
            page.showTeam(lines.map(\.workload))
            page.showTeamDashboard(lines)
        }
        if grant.allows(.figures) {
            let dashboard = try await services.laDashboard.dashboard(on: today, now: now) { try await services.app.figures.dashboard(at: now, for: grant) }
            page.showLADashboard(dashboard, mayOpenQueues: grant.allows(.workQueues))
            let (counts, countedAt) = try await services.headlineCounts.counts(on: today, now: now, count: services.countHeadlines)
            page.showCounts(counts, countedAt: String(Timestamp.format(countedAt).dropFirst(11).prefix(5)))
        }
        return try templates.render(page)
    }
}

extension CalendarDate {
    /// "25 November 2026".
    var longDescription: String { "\(day) \(monthName) \(year)" }

    var monthName: String {
        ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"][month - 1]
    }
}
