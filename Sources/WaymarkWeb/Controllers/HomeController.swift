import Foundation
import Hummingbird
import WaymarkApp
import WaymarkCore
import WaymarkRecords
import WaymarkStore

/// The signed-in home page: "my work today" for an adviser, the team for a
/// manager, the LA's headline counts for those who read figures.
struct HomeController {
    let services: WebServices
    let templates: Templates

    var endpoints: RouteCollection<WebContext> {
        RouteCollection(context: WebContext.self).get("", use: show)
    }

    func show(_ request: Request, context: WebContext) async throws -> Response {
        guard let user = context.user, let scope = context.scope, let csrf = context.csrfToken else { return .redirect(to: "/sign-in") }
        let now = services.now()
        let today = CalendarDate.today(from: now)
        var page = HomePage(user: user, csrf: csrf, laName: services.registry.name(of: services.laCode) ?? services.laCode.code,
                            laCode: services.laCode.code, date: today.longDescription)
        if AccessPolicy.allows(user.role, .changeOwnCaseload) {
            let work = try await WorkTodayBuilder(store: services.store, classifier: services.classifier).build(for: user.id, scope: scope, now: now)
            page.showWork(work)
        }
        if AccessPolicy.allows(user.role, .teamOverview) {
            let since = Timestamp.format(MonthStart.of(now))
            page.showTeam(try await TeamQueries(store: services.store).workloads(organisationID: user.organisationID, scope: scope, contactsSince: since))
        }
        if AccessPolicy.allows(user.role, .figures) {
            let (counts, countedAt) = try await services.headlineCounts.counts(on: today, now: now, count: services.countHeadlines)
            page.showCounts(counts, countedAt: String(Timestamp.format(countedAt).dropFirst(11).prefix(5)))
        }
        return try templates.render(page)
    }
}

/// The first instant of the month an instant falls in (UTC), for "this month".
enum MonthStart {
    static func of(_ instant: Date) -> Date {
        let today = CalendarDate.today(from: instant)
        return Timestamp.parse("\(today.iso.prefix(7))-01T00:00:00Z") ?? instant
    }
}

extension CalendarDate {
    /// "25 November 2026".
    var longDescription: String { "\(day) \(monthName) \(year)" }

    var monthName: String {
        ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"][month - 1]
    }
}
