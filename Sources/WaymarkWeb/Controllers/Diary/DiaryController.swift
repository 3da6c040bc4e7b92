import Foundation
import Hummingbird
import WaymarkApp
import WaymarkCore
import WaymarkRecords

/// The appointments diary, by day or by week: an adviser's own, and for a
/// manager any adviser's in the team. Read-only; appointments are booked
/// and marked on the young person's record.
struct DiaryController {
    let services: WebServices
    let templates: Templates

    var endpoints: RouteCollection<WebContext> {
        let routes = RouteCollection(context: WebContext.self)
        // Advisers and managers both read records; the desk decides whose diary each may open.
        routes.requiring(.readRecords).get("diary", use: show)
        return routes
    }

    func show(_ request: Request, context: StaffContext) async throws -> Response {
        let query = request.uri.queryParameters
        let today = CalendarDate.today(from: services.now())
        let span = query.get("view").flatMap(DiaryPeriod.Span.init(rawValue:)) ?? .week
        let date = query.get("date").flatMap { try? CalendarDate(iso: String($0)) } ?? today
        let owners = try await services.app.diary.owners(for: context.grant)
        guard !owners.isEmpty else {
            throw HTTPError(.forbidden, message: "Diaries belong to personal advisers; your role has none to show.")
        }
        let asked = query.get("adviser").flatMap { Int64(String($0)) }
        // A manager who holds no caseload of their own opens the first adviser's diary.
        let adviserID = asked ?? (context.grant.allows(.changeOwnCaseload) ? nil : owners.first?.id)
        let period = DiaryPeriod(span, around: date)
        if let format = try Downloads.format(request) {
            return Downloads.response(try await services.app.diary.export(of: adviserID, period, format: format, for: context.grant, at: services.now()))
        }
        let diary = try await services.app.diary.diary(of: adviserID, period, for: context.grant, at: services.now())
        var page = DiaryPage(diary: diary, owners: owners, viewer: context, now: services.now())
        if diary.count > 0 {
            // The period shown, whichever owner the page fell back to.
            page.downloads = DownloadLinks(path: Paths.diary, query: [
                URLQueryItem(name: "adviser", value: String(diary.adviser.id)), URLQueryItem(name: "view", value: period.span.rawValue),
                URLQueryItem(name: "date", value: period.first.iso),
            ])
        }
        return try templates.render(page)
    }
}
