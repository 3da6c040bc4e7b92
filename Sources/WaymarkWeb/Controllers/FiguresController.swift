import Foundation
import Hummingbird
import WaymarkApp
import WaymarkCore
import WaymarkRecords
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
            .post("figures", use: recompute)
            .get("activity-survey", use: activitySurvey)
    }

    private var statutory: StatutoryFigures {
        StatutoryFigures(store: services.store, registry: services.registry, laCode: services.laCode, classifier: services.classifier)
    }

    /// Never computes: shows the latest figures a job computed, and asks for
    /// fresh ones (joining any job already at it) when those are too old.
    func figures(_ request: Request, context: WebContext) async throws -> Response {
        let (user, _) = try context.require(.figures)
        let monthEnd = try chosenMonthEnd(request.uri.queryParameters.get("month").map { String($0) })
        let work = JobRequest.figures(monthEnd: monthEnd)
        let state = try await services.jobs.refreshed(work, by: user.id, now: services.now(), lifetime: services.resultLifetime)
        let page = FiguresPage(
            user: user, csrf: context.csrfToken ?? "", laCode: services.laCode.code, monthEnd: monthEnd,
            result: try state.lastDone?.decodedResult(as: FiguresJobResult.self),
            job: JobPanel(state, work: "computing the figures", result: "Figures", refreshURL: Self.figuresURL(monthEnd)))
        return try templates.render(page)
    }

    struct RecomputeForm: Decodable {
        let month: String?
    }

    /// Asks for the figures again now, whatever their age.
    func recompute(_ request: Request, context: WebContext) async throws -> Response {
        let (user, _) = try context.require(.figures)
        let form = try await request.decodeForm(as: RecomputeForm.self, context: context)
        let monthEnd = try chosenMonthEnd(form.month)
        try await services.jobs.request(.figures(monthEnd: monthEnd), by: user.id, at: services.now())
        return .redirect(to: Self.figuresURL(monthEnd), type: .normal)
    }

    private func chosenMonthEnd(_ text: String?) throws -> CalendarDate {
        let today = CalendarDate.today(from: services.now())
        guard let text, !text.isEmpty else { return ReturnsController.lastMonthEnd(today) }
        guard let parsed = Self.monthEnd(text), parsed <= today else {
            throw HTTPError(.badRequest, message: "Choose a month that has ended, written as YYYY-MM (for example 2026-10).")
        }
        return parsed
    }

    static func figuresURL(_ monthEnd: CalendarDate) -> String {
        "/figures?month=\(monthEnd.iso.prefix(7))"
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
