import Foundation
import Hummingbird
import WaymarkApp
import WaymarkCore
import WaymarkStore

/// The statutory figures for managers, and the Annual Activity Survey with
/// each school's destinations for careers leaders.
struct FiguresController {
    let services: WebServices
    let templates: Templates

    /// Every LA role may read the figures; the named survey list is for LA staff who track people.

    var endpoints: RouteCollection<WebContext> {
        RouteCollection(context: WebContext.self)
            .get("figures", use: figures)
            .get("activity-survey", use: activitySurvey)
    }

    private var statutory: StatutoryFigures {
        StatutoryFigures(store: services.store, registry: services.registry, laCode: services.laCode, classifier: services.classifier)
    }

    func figures(_ request: Request, context: WebContext) async throws -> Response {
        let (user, scope) = try context.require(.figures)
        let today = CalendarDate.today(from: services.now())
        let monthEnd: CalendarDate
        if let text = request.uri.queryParameters.get("month"), !text.isEmpty {
            guard let parsed = Self.monthEnd(text), parsed <= today else {
                throw HTTPError(.badRequest, message: "Choose a month that has ended, written as YYYY-MM (for example 2026-10).")
            }
            monthEnd = parsed
        } else {
            monthEnd = ReturnsController.lastMonthEnd(today)
        }
        let trend = FiguresReport.monthEnds(from: monthEnd.adding(months: -11), through: monthEnd)
        let (report, skipped) = try await statutory.figures(at: trend)
        guard let month = report.month(monthEnd) else { throw HTTPError(.internalServerError) }
        let page = FiguresPage(user: user, csrf: context.csrfToken ?? "", laCode: services.laCode.code, month: month, report: report, skipped: skipped)
        return try templates.render(page)
    }

    func activitySurvey(_ request: Request, context: WebContext) async throws -> Response {
        let (user, scope) = try context.require(.figures)
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
        let wantsNames = school != nil && AccessPolicy.allows(user.role, .readRecords) && scope == .authority(laCode: services.laCode.code)
        let result = try await statutory.activitySurvey(year: year, namesFor: wantsNames ? school : nil)
        if request.uri.queryParameters.get("format") == "csv" {
            return Self.csv(result.summary.csv, fileName: "activity-survey-\(services.laCode.code)-\(year)-schools.csv")
        }
        if wantsNames {
            try await services.store.change(by: .user(user.id), at: services.now()) { tx in
                try await tx.audit(.view, entity: "activity_survey_named_list", entityID: nil, personID: nil, detail: "year=\(year)")
            }
        }
        let page = SurveyPage(user: user, csrf: context.csrfToken ?? "", laCode: services.laCode.code, year: year, result: result, school: school)
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

    static func csv(_ text: String, fileName: String) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "text/csv; charset=utf-8"
        headers[.contentDisposition] = "attachment; filename=\"\(fileName)\""
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(string: text)))
    }
}
