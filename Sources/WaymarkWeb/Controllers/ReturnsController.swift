import Foundation
import Hummingbird
import WaymarkApp
import WaymarkCore
import WaymarkRecords

/// The data manager's return page: readiness for a period end, generating
/// the XML, and the history of generated returns with their checksums.
struct ReturnsController {
    let services: WebServices
    let templates: Templates

    var endpoints: RouteCollection<WebContext> {
        let routes = RouteCollection(context: WebContext.self)
        routes.requiring(.statutoryReturns)
            .get("", use: show)
            .post("", use: generate)
            .post("check", use: check)
            .get(":id/download", use: download)
        return routes
    }

    struct GenerateForm: Decodable {
        let periodEnd: String?
        let force: String?

        enum CodingKeys: String, CodingKey {
            case periodEnd = "period-end"
            case force
        }
    }

    private var returns: ReturnDesk { services.app.returns }

    func show(_ request: Request, context: StaffContext) async throws -> Response {
        let today = CalendarDate.today(from: services.now())
        let requested = request.uri.queryParameters.get("period-end")
        let periodEnd: CalendarDate
        do {
            periodEnd = try Self.periodEnd(requested, today: today)
        } catch let failure as ValidationFailure {
            return try await page(context, periodEnd: Self.lastMonthEnd(today), error: failure.violations.first?.message, status: .badRequest)
        }
        return try await page(context, periodEnd: periodEnd, error: nil, status: .ok)
    }

    /// Queues the file's generation; the page then follows the job.
    func generate(_ request: Request, context: StaffContext) async throws -> Response {
        let form = try await request.decodeForm(as: GenerateForm.self, context: context)
        let today = CalendarDate.today(from: services.now())
        let periodEnd: CalendarDate
        do {
            periodEnd = try Self.periodEnd(form.periodEnd, today: today)
        } catch let failure as ValidationFailure {
            return try await page(context, periodEnd: Self.lastMonthEnd(today), error: failure.violations.first?.message, status: .badRequest)
        }
        try await returns.requestReturn(periodEnd: periodEnd, force: form.force == "yes", for: context.grant, at: services.now())
        return .redirect(to: Paths.returns(periodEnd: periodEnd), type: .normal)
    }

    struct CheckForm: Decodable {
        let periodEnd: String?

        enum CodingKeys: String, CodingKey {
            case periodEnd = "period-end"
        }
    }

    /// Asks for the readiness again now, whatever its age.
    func check(_ request: Request, context: StaffContext) async throws -> Response {
        let form = try await request.decodeForm(as: CheckForm.self, context: context)
        let today = CalendarDate.today(from: services.now())
        guard let periodEnd = try? Self.periodEnd(form.periodEnd, today: today) else {
            return .redirect(to: Paths.returns(periodEndAsTyped: form.periodEnd ?? ""), type: .normal)
        }
        try await returns.requestReadiness(periodEnd: periodEnd, for: context.grant, at: services.now())
        return .redirect(to: Paths.returns(periodEnd: periodEnd), type: .normal)
    }

    func download(_ request: Request, context: StaffContext) async throws -> Response {
        guard let id = context.parameters.get("id", as: Int64.self) else { throw HTTPError(.notFound, message: "There is no such return.") }
        let file = try await returns.download(id, for: context.grant, at: services.now())
        var headers = HTTPFields()
        headers[.contentType] = "application/xml; charset=utf-8"
        headers[.contentDisposition] = "attachment; filename=\"\(file.fileName)\""
        headers[.cacheControl] = "no-store"
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: file.data)))
    }

    /// Never computes: the latest readiness a job found (asking for a fresh
    /// one when it is old), and the file being generated for the period.
    private func page(_ context: StaffContext, periodEnd: CalendarDate, error: String?, status: HTTPResponse.Status) async throws -> Response {
        let view = try await returns.returns(periodEnd: periodEnd, for: context.grant, at: services.now())
        let url = Paths.returns(periodEnd: periodEnd)
        let page = ReadinessPage(
            user: context.user, csrf: context.csrf, laCode: services.laCode.code, periodEnd: periodEnd,
            readiness: try view.readiness.lastDone?.decodedResult(as: ReturnReadiness.self), exampleNames: view.exampleNames,
            readinessJob: JobPanel(view.readiness, work: "checking every record", result: "Readiness", refreshURL: url),
            generationJob: view.generation.map { JobPanel($0, work: "writing the return file", result: "Return file", refreshURL: url) },
            history: view.history, canGenerate: true, error: error,
            periods: Self.periodChoices(chosen: periodEnd, today: CalendarDate.today(from: services.now())))
        return try templates.render(page, status: status)
    }

    static func periodEnd(_ text: String?, today: CalendarDate) throws -> CalendarDate {
        guard let text, !text.isEmpty else { return lastMonthEnd(today) }
        let date: CalendarDate
        do {
            date = try CalendarDate(iso: text, field: "PeriodEnd")
        } catch {
            throw ValidationFailure([RuleViolation(field: "PeriodEnd", rule: "date", message: "Enter the period end as a real date, like 2026-10-31")])
        }
        return try ReturnPeriod.check(date, today: today)
    }

    /// The last two years' month ends, newest first, as "October 2026": a
    /// period end is always a month's last day, so a month is all a person
    /// chooses. An older period asked for by address is kept in the list.
    static func periodChoices(chosen: CalendarDate, today: CalendarDate) -> [Choice] {
        var ends = [lastMonthEnd(today)]
        while ends.count < 24, let last = ends.last { ends.append(last.adding(days: -last.day)) }
        if !ends.contains(chosen) { ends.append(chosen) }
        return ends.map { Choice(value: $0.iso, label: "\($0.monthName) \($0.year)", selected: $0 == chosen) }
    }

    static func lastMonthEnd(_ today: CalendarDate) -> CalendarDate {
        today.day == CalendarDate.daysIn(month: today.month, year: today.year) ? today : today.adding(days: -today.day)
    }
}
