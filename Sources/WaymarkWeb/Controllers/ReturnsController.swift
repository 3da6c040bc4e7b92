import Foundation
import Hummingbird
import WaymarkApp
import WaymarkCore
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
        try ReturnFiles.prepareDirectory(services.returnsDirectory)
        let name = "nccis-\(services.laCode.code)-\(periodEnd.iso)-\(UUID().uuidString.prefix(8).lowercased()).xml"
        let path = URL(fileURLWithPath: services.returnsDirectory).appendingPathComponent(name).path
        do {
            _ = try await NCCISExport(builder: builder, store: services.store).export(
                periodEnd: periodEnd, dateOfSend: today, to: path, by: .user(user.id), at: services.now(), force: form.force == "yes")
        } catch let refusal as NCCISExport.Refusal {
            return try await page(user, context, periodEnd: periodEnd, error: refusal.description, status: .unprocessableContent)
        }
        try await ReturnFilePruner(store: services.store, directory: services.returnsDirectory, retention: services.returnRetention)
            .prune(by: .user(user.id), at: services.now())
        return .redirect(to: "/returns?period-end=\(periodEnd.iso)", type: .normal)
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

    private var builder: NCCISReturnBuilder {
        NCCISReturnBuilder(store: services.store, registry: services.registry, laCode: services.laCode, currency: services.classifier.currency)
    }

    private func page(_ user: StoredUser, _ context: WebContext, periodEnd: CalendarDate, error: String?, status: HTTPResponse.Status)
        async throws -> Response
    {
        let readiness = try await builder.build(periodEnd: periodEnd, dateOfSend: CalendarDate.today(from: services.now()))
        let history = try await ReturnHistoryQuery(store: services.store).returns(laCode: services.laCode.code)
        let page = ReadinessPage(
            user: user, csrf: context.csrfToken ?? "", laCode: services.laCode.code, periodEnd: periodEnd, readiness: readiness,
            history: history, canGenerate: true, error: error)
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

    static func lastMonthEnd(_ today: CalendarDate) -> CalendarDate {
        today.day == CalendarDate.daysIn(month: today.month, year: today.year) ? today : today.adding(days: -today.day)
    }
}
