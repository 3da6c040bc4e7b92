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
        let diary = try await services.app.diary.diary(of: adviserID, DiaryPeriod(span, around: date), for: context.grant, at: services.now())
        return try templates.render(DiaryPage(diary: diary, owners: owners, viewer: context, now: services.now()))
    }
}
