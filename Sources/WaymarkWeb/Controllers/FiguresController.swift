import Foundation
import Hummingbird
import WaymarkApp
import WaymarkCore
import WaymarkRecords

/// The statutory figures for managers, and the Annual Activity Survey with
/// each school's destinations for careers leaders.
struct FiguresController {
    let services: WebServices
    let templates: Templates

    var endpoints: RouteCollection<WebContext> {
        let routes = RouteCollection(context: WebContext.self)
        routes.requiring(.figures)
            .get("figures", use: figures)
            .post("figures", use: recompute)
        routes.requiring(.activitySurvey)
            .get("activity-survey", use: activitySurvey)
        return routes
    }

    private var desk: FiguresDesk { services.app.figures }

    /// Never computes: shows the latest figures a job computed, and asks for
    /// fresh ones (joining any job already at it) when those are too old.
    func figures(_ request: Request, context: StaffContext) async throws -> Response {
        let monthEnd = try chosenMonthEnd(request.uri.queryParameters.get("month").map { String($0) })
        let kept = try await desk.headlineTrend(through: monthEnd, for: context.grant)
        let state = try await desk.figures(monthEnd: monthEnd, for: context.grant, at: services.now())
        let page = FiguresPage(
            user: context.user, csrf: context.csrf, laCode: services.laCode.code, monthEnd: monthEnd, kept: kept,
            result: try state.lastDone?.decodedResult(as: FiguresJobResult.self), wards: try await services.app.geography.wards(for: context.grant),
            job: JobPanel(state, work: "computing the figures", result: "Figures", refreshURL: Paths.figures(monthEnd: monthEnd)))
        return try templates.render(page)
    }

    struct RecomputeForm: Decodable {
        let month: String?
    }

    /// Asks for the figures again now, whatever their age.
    func recompute(_ request: Request, context: StaffContext) async throws -> Response {
        let form = try await request.decodeForm(as: RecomputeForm.self, context: context)
        let monthEnd = try chosenMonthEnd(form.month)
        try await desk.recompute(monthEnd: monthEnd, for: context.grant, at: services.now())
        return .redirect(to: Paths.figures(monthEnd: monthEnd), type: .normal)
    }

    private func chosenMonthEnd(_ text: String?) throws -> CalendarDate {
        let today = CalendarDate.today(from: services.now())
        guard let text, !text.isEmpty else { return ReturnsController.lastMonthEnd(today) }
        guard let parsed = Self.monthEnd(text), parsed <= today else {
            throw HTTPError(.badRequest, message: "Choose a month that has ended, written as YYYY-MM (for example 2026-10).")
        }
        return parsed
    }

    /// Every LA role may read the survey's summary, and a school's careers leader their own school's line; the named list of one school is for LA staff who read records.
    func activitySurvey(_ request: Request, context: StaffContext) async throws -> Response {
        let today = CalendarDate.today(from: services.now())
        let latest = today >= (try CalendarDate(year: today.year, month: 11, day: 1)) ? today.year : today.year - 1
        let year: Int
        if let text = request.uri.queryParameters.get("year"), !text.isEmpty {
            guard let parsed = Int(text), (2000...latest).contains(parsed) else {
                throw HTTPError(.badRequest, message: "Choose a survey year up to \(latest), written as YYYY.")
            }
            year = parsed
        } else {
            year = latest
        }
        let school = request.uri.queryParameters.get("school").map { String($0) }
        // The schools' destinations, or with a school its named list (audited).
        if let format = try Downloads.format(request) {
            guard let download = try await desk.surveyExport(year: year, school: school, format: format, for: context.grant, at: services.now()) else {
                throw HTTPError(.serviceUnavailable, message: "The survey is still being computed; download it when the survey page shows it.")
            }
            return Downloads.response(download)
        }
        let view = try await desk.survey(year: year, namesFor: school, for: context.grant, at: services.now())
        let page = SurveyPage(
            user: context.user, csrf: context.csrf, laCode: services.laCode.code, year: year, result: view.result, school: school,
            mayName: desk.mayName(for: context.grant), job: JobPanel(view.job, work: "computing the survey", result: "Survey", refreshURL: Paths.activitySurvey(year: year, school: school)))
        return try templates.render(page)
    }

    static func monthEnd(_ text: String) -> CalendarDate? {
        let parts = text.split(separator: "-")
        // NCCIS returns began in the 2000s: earlier years are mistakes, not history to compute.
        guard parts.count == 2, parts[0].count == 4, let year = Int(parts[0]), year >= 2000, let month = Int(parts[1]), (1...12).contains(month) else {
            return nil
        }
        return try? CalendarDate(year: year, month: month, day: CalendarDate.daysIn(month: month, year: year))
    }
}
