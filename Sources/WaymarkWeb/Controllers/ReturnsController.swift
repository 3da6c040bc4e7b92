import Foundation
import Hummingbird
import WaymarkApp
import WaymarkCore
import WaymarkRecords
import WaymarkStore

/// The data manager's return page: readiness for a period end, generating
/// the XML, and the history of generated returns with their checksums.
struct ReturnsController {
    let services: WebServices
    let templates: Templates

    /// Who may look at readiness, and who may produce the statutory file.

    var endpoints: RouteCollection<WebContext> {
        RouteCollection(context: WebContext.self)
            .get("", use: show)
            .post("", use: generate)
            .post("check", use: check)
            .get(":id/download", use: download)
    }

    struct GenerateForm: Decodable {
        let periodEnd: String
        let force: String?

        enum CodingKeys: String, CodingKey {
            case periodEnd = "period-end"
            case force
        }
    }

    func show(_ request: Request, context: WebContext) async throws -> Response {
        let (user, _) = try context.require(.statutoryReturns)
        let today = CalendarDate.today(from: services.now())
        let requested = request.uri.queryParameters.get("period-end")
        let periodEnd: CalendarDate
        do {
            periodEnd = try Self.periodEnd(requested, today: today)
        } catch let failure as ValidationFailure {
            return try await page(user, context, periodEnd: Self.lastMonthEnd(today), error: failure.violations.first?.message, status: .badRequest)
        }
        return try await page(user, context, periodEnd: periodEnd, error: nil, status: .ok)
    }

    /// Queues the file's generation; the page then follows the job.
    func generate(_ request: Request, context: WebContext) async throws -> Response {
        let (user, _) = try context.require(.statutoryReturns)
        let form = try await request.decodeForm(as: GenerateForm.self, context: context)
        let today = CalendarDate.today(from: services.now())
        let periodEnd: CalendarDate
        do {
            periodEnd = try Self.periodEnd(form.periodEnd, today: today)
        } catch let failure as ValidationFailure {
            return try await page(user, context, periodEnd: Self.lastMonthEnd(today), error: failure.violations.first?.message, status: .badRequest)
        }
        try await services.jobs.request(.nccisReturn(periodEnd: periodEnd, force: form.force == "yes"), by: user.id, at: services.now())
        return .redirect(to: Self.pageURL(periodEnd), type: .normal)
    }

    struct CheckForm: Decodable {
        let periodEnd: String

        enum CodingKeys: String, CodingKey {
            case periodEnd = "period-end"
        }
    }

    /// Asks for the readiness again now, whatever its age.
    func check(_ request: Request, context: WebContext) async throws -> Response {
        let (user, _) = try context.require(.statutoryReturns)
        let form = try await request.decodeForm(as: CheckForm.self, context: context)
        let today = CalendarDate.today(from: services.now())
        guard let periodEnd = try? Self.periodEnd(form.periodEnd, today: today) else {
            return .redirect(to: "/returns?period-end=\(form.periodEnd.addingPercentEncodingForQuery)", type: .normal)
        }
        try await services.jobs.request(.readiness(periodEnd: periodEnd), by: user.id, at: services.now())
        return .redirect(to: Self.pageURL(periodEnd), type: .normal)
    }

    func download(_ request: Request, context: WebContext) async throws -> Response {
        let (user, _) = try context.require(.statutoryReturns)
        guard let id = context.parameters.get("id", as: Int64.self),
            let stored = try await ReturnHistoryQuery(store: services.store).returns(laCode: services.laCode.code, limit: 500)
                .first(where: { $0.id == id })
        else { throw HTTPError(.notFound, message: "There is no such return.") }
        let path = URL(fileURLWithPath: services.returnsDirectory).appendingPathComponent(stored.generated.fileName).path
        guard let data = FileManager.default.contents(atPath: path) else {
            throw HTTPError(.notFound, message: "The file for this return is no longer on this server; generate it again.")
        }
        try await services.store.change(by: .user(user.id), at: services.now()) { tx in
            try await tx.audit(.export, entity: "generated_return", entityID: id, personID: nil, detail: "download")
        }
        var headers = HTTPFields()
        headers[.contentType] = "application/xml; charset=utf-8"
        headers[.contentDisposition] = "attachment; filename=\"\(stored.generated.fileName)\""
        headers[.cacheControl] = "no-store"
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    /// Never computes: the latest readiness a job found (asking for a fresh
    /// one when it is old), and the file being generated for the period.
    private func page(_ user: StoredUser, _ context: WebContext, periodEnd: CalendarDate, error: String?, status: HTTPResponse.Status)
        async throws -> Response
    {
        let readiness = try await services.jobs.refreshed(.readiness(periodEnd: periodEnd), by: user.id, now: services.now(),
                                                          lifetime: services.resultLifetime)
        let generation = try await generationState(periodEnd)
        let history = try await ReturnHistoryQuery(store: services.store).returns(laCode: services.laCode.code)
        let url = Self.pageURL(periodEnd)
        let page = ReadinessPage(
            user: user, csrf: context.csrfToken ?? "", laCode: services.laCode.code, periodEnd: periodEnd,
            readiness: try readiness.lastDone?.decodedResult(as: ReturnReadiness.self),
            readinessJob: JobPanel(readiness, work: "checking every record", result: "Readiness", refreshURL: url),
            generationJob: generation.map { JobPanel($0, work: "writing the return file", result: "Return file", refreshURL: url) },
            history: history, canGenerate: true, error: error)
        return try templates.render(page, status: status)
    }

    /// The generation for the period that is under way, or else the latest one (with or without "anyway").
    private func generationState(_ periodEnd: CalendarDate) async throws -> JobState? {
        var states: [JobState] = []
        for force in [false, true] { states.append(try await services.jobs.state(of: .nccisReturn(periodEnd: periodEnd, force: force))) }
        if let running = states.first(where: { $0.active != nil }) { return running }
        func newest(_ state: JobState) -> Int64 { max(state.lastDone?.id ?? 0, state.lastFailed?.id ?? 0) }
        return states.filter { newest($0) > 0 }.max { newest($0) < newest($1) }
    }

    static func pageURL(_ periodEnd: CalendarDate) -> String {
        "/returns?period-end=\(periodEnd.iso)"
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

    static func lastMonthEnd(_ today: CalendarDate) -> CalendarDate {
        today.day == CalendarDate.daysIn(month: today.month, year: today.year) ? today : today.adding(days: -today.day)
    }
}
