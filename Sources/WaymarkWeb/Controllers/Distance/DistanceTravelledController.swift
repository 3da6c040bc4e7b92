import Foundation
import Hummingbird
import WaymarkApp
import WaymarkCore
import WaymarkRecords

/// Distance travelled, for managers: one instrument, the whole LA or one
/// adviser's caseload, optionally a cohort first assessed from a day. The
/// page's address with `format=csv` or `format=xlsx` is its download.
struct DistanceTravelledController {
    let services: WebServices
    let templates: Templates

    var endpoints: RouteCollection<WebContext> {
        let routes = RouteCollection(context: WebContext.self)
        routes.requiring(.teamOverview).get("distance-travelled", use: show)
        return routes
    }

    func show(_ request: Request, context: StaffContext) async throws -> Response {
        let query = request.uri.queryParameters
        var problems = FormProblems()
        let from = query.get("from").flatMap { text -> CalendarDate? in
            guard !text.isEmpty else { return nil }
            guard let date = try? CalendarDate(iso: String(text)) else {
                problems.add("from", "The first assessment date must be a real date, like 2026-09-01")
                return nil
            }
            return date
        }
        let question = DistanceQuestion(
            instrumentKey: query.get("instrument").map { String($0) } ?? InstrumentCatalogue.defaultKey,
            adviserID: query.get("adviser").flatMap { Int64(String($0)) }, firstAssessedFrom: from)
        let desk = services.app.distanceTravelled
        if problems.isEmpty, let format = try Downloads.format(request) {
            return Downloads.response(try await desk.export(question, format: format, for: context.grant, at: services.now()))
        }
        let view = try await desk.distance(question, for: context.grant)
        let page = DistanceTravelledPage(
            view: view, user: context.user, csrf: context.csrf, from: query.get("from").map { String($0) } ?? "", problems: problems,
            downloads: problems.isEmpty ? DownloadLinks(request) : nil)
        return try templates.render(page, status: problems.isEmpty ? .ok : .unprocessableContent)
    }
}
