import Foundation
import Hummingbird
import Logging
import WaymarkApp
import WaymarkCore
import WaymarkMatching
import WaymarkRecords

/// The match exception queue: suspected duplicates side by side with each
/// field's weight, merged in one click (keeping either record) or marked not
/// the same person; and every merge can be undone.
struct ExceptionsController {
    let services: WebServices
    let templates: Templates

    var endpoints: RouteCollection<WebContext> {
        let routes = RouteCollection(context: WebContext.self)
        routes.requiring(.resolveMatches)
            .get("exceptions", use: list)
            .post("exceptions/scan", use: scan)
            .get("exceptions/:exception", use: show)
            .post("exceptions/:exception/merge", use: merge)
            .post("exceptions/:exception/reject", use: reject)
            .post("exceptions/:exception/link", use: link)
            .post("exceptions/:exception/create", use: create)
            .get("merges/:merge", use: showMerge)
            .post("merges/:merge/undo", use: undo)
        return routes
    }

    struct MergeForm: Decodable {
        var keep: String?
    }

    struct LinkForm: Decodable {
        var person: String?
    }

    private var exceptions: ExceptionDesk { services.app.exceptions }

    func list(_ request: Request, context: StaffContext) async throws -> Response {
        if let format = try Downloads.format(request) {
            return Downloads.response(try await exceptions.export(format: format, for: context.grant, at: services.now()))
        }
        let queue = try await exceptions.queue(for: context.grant, at: services.now())
        var page = ExceptionsPage(
            frame: StaffFrame(user: context.user, csrf: context.csrf), exceptions: queue.exceptions, names: queue.names,
            scan: JobPanel(queue.scan, work: "scanning the records for duplicates", result: "Scan", refreshURL: Paths.exceptions),
            scanned: queue.scanned)
        if page.hasRows { page.downloads = DownloadLinks(path: Paths.exceptions) }
        return try templates.render(page)
    }

    /// Queues a scan (or joins the one under way); the list follows its progress.
    func scan(_ request: Request, context: StaffContext) async throws -> Response {
        let job = try await exceptions.requestScan(for: context.grant, at: services.now())
        context.logger.info("duplicate scan requested", metadata: ["job": "\(job.id)"])
        return .redirect(to: Paths.exceptions, type: .normal)
    }

    func show(_ request: Request, context: StaffContext) async throws -> Response {
        try await page(context, problems: FormProblems(), typed: nil)
    }

    /// The exception's page; with problems (a refused link or new record), the row's page again with its error summary, 422.
    private func page(_ context: StaffContext, problems: FormProblems, typed: String?) async throws -> Response {
        let frame = StaffFrame(user: context.user, csrf: context.csrf, problems: problems)
        let today = CalendarDate.today(from: services.now())
        switch try await exceptions.exception(try Self.exceptionID(context), for: context.grant, at: services.now()) {
        case .importRow(let exception, let candidate):
            return try templates.render(ImportExceptionPage(
                frame: frame, exception: exception, candidate: candidate.map { ExceptionPage.Side($0, today: today) }, problems: problems, typed: typed),
                status: problems.isEmpty ? .ok : .unprocessableContent)
        case .duplicate(let exception, let left, let right):
            return try templates.render(ExceptionPage(
                frame: frame, exception: exception, left: ExceptionPage.Side(left, today: today), right: ExceptionPage.Side(right, today: today)))
        }
    }

    func merge(_ request: Request, context: StaffContext) async throws -> Response {
        let id = try Self.exceptionID(context)
        let form = try await request.decodeForm(as: MergeForm.self, context: context)
        let mergeID = try await exceptions.merge(id, keep: form.keep.flatMap { Int64($0) }, for: context.grant, at: services.now())
        context.logger.info("people merged", metadata: ["merge": "\(mergeID)", "exception": "\(id)"])
        return .redirect(to: Paths.merge(mergeID), type: .normal)
    }

    func reject(_ request: Request, context: StaffContext) async throws -> Response {
        try await exceptions.reject(try Self.exceptionID(context), for: context.grant, at: services.now())
        return .redirect(to: Paths.exceptions, type: .normal)
    }

    func link(_ request: Request, context: StaffContext) async throws -> Response {
        let id = try Self.exceptionID(context)
        let form = try await request.decodeForm(as: LinkForm.self, context: context)
        let person = form.person.flatMap { Int64($0.trimmingCharacters(in: .whitespaces)) }
        let personID: Int64
        do {
            personID = try await exceptions.link(id, to: person, for: context.grant, at: services.now())
        } catch Refusal.invalid {
            var problems = FormProblems()
            problems.add("person", "Enter the record number of a young person you can see, like 1042")
            return try await page(context, problems: problems, typed: form.person)
        }
        context.logger.info("import exception resolved", metadata: ["exception": "\(id)", "person": "\(personID)"])
        return .redirect(to: Paths.person(personID), type: .normal)
    }

    func create(_ request: Request, context: StaffContext) async throws -> Response {
        let id = try Self.exceptionID(context)
        let personID: Int64
        do {
            personID = try await exceptions.create(id, for: context.grant, at: services.now())
        } catch Refusal.invalid(let why) {
            // The row itself cannot make a record (no gender, say): say so on its page, where linking it stays possible.
            var problems = FormProblems()
            problems.add("create", "\(why) Link it to an existing record, or correct the file and import it again.")
            return try await page(context, problems: problems, typed: nil)
        }
        context.logger.info("import exception resolved", metadata: ["exception": "\(id)", "person": "\(personID)"])
        return .redirect(to: Paths.person(personID), type: .normal)
    }

    func showMerge(_ request: Request, context: StaffContext) async throws -> Response {
        let view = try await exceptions.merge(try Self.mergeID(context), for: context.grant, at: services.now())
        let undone = request.uri.queryParameters.get("undone") != nil
        return try templates.render(MergePage(
            frame: StaffFrame(user: context.user, csrf: context.csrf), merge: view.merge, keptName: view.keptName, mergedName: view.mergedName,
            justUndone: undone))
    }

    func undo(_ request: Request, context: StaffContext) async throws -> Response {
        let id = try Self.mergeID(context)
        try await exceptions.undo(id, for: context.grant, at: services.now())
        context.logger.info("merge undone", metadata: ["merge": "\(id)"])
        return .redirect(to: Paths.merge(id, undone: true), type: .normal)
    }

    static func exceptionID(_ context: StaffContext) throws -> Int64 {
        guard let id = context.parameters.get("exception", as: Int64.self) else { throw HTTPError(.notFound, message: "There is no exception with that id.") }
        return id
    }

    static func mergeID(_ context: StaffContext) throws -> Int64 {
        guard let id = context.parameters.get("merge", as: Int64.self) else {
            throw HTTPError(.notFound, message: "There is no merge with that id in the records you can see.")
        }
        return id
    }
}
