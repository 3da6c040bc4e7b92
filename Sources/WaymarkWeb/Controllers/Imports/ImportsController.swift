import Foundation
import Hummingbird
import Logging
import WaymarkApp
import WaymarkCore
import WaymarkFormats
import WaymarkRecords

/// Upload a school, college, provider or DWP file (or a CTF): read it, show
/// every problem if it has any (importing nothing), otherwise import it and
/// show what became of each row. The same work as `waymark import`.
struct ImportsController {
    let services: WebServices
    let templates: Templates

    var endpoints: RouteCollection<WebContext> {
        let routes = RouteCollection(context: WebContext.self)
        routes.requiring(.resolveMatches)
            .get("", use: show)
            .post("", use: upload)
            .get("templates/:file", use: template)
        return routes
    }

    func show(_ request: Request, context: StaffContext) async throws -> Response {
        let batch = request.uri.queryParameters.get("batch").flatMap { Int64($0) }
        let again = request.uri.queryParameters.get("again") == "1"
        return try await page(context, summary: batch, again: again, problems: ImportsPage.Problems(), status: .ok)
    }

    /// The header row of a kind's template, named as people name the columns, to fill in and upload.
    func template(_ request: Request, context: StaffContext) async throws -> Response {
        guard let file = context.parameters.get("file"), file.hasSuffix(".csv"),
            let kind = ImportKind(rawValue: String(file.dropLast(4))), kind != .ctf
        else { throw HTTPError(.notFound, message: "There is no template by that name. Choose one from the list on the import page.") }
        var headers = HTTPFields()
        headers[.contentType] = "text/csv; charset=utf-8"
        headers[.contentDisposition] = "attachment; filename=\"waymark-\(kind.rawValue)-template.csv\""
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(string: kind.templateHeaderLine)))
    }

    func upload(_ request: Request, context: StaffContext) async throws -> Response {
        let form = try await UploadForm.read(request, csrf: context.csrf, limit: Self.maxUpload)
        let kind = form.fields["kind"].flatMap(ImportKind.init(rawValue:))
        var problems = ImportsPage.Problems(kind: kind?.rawValue)
        if kind == nil { problems.file = "Choose what kind of file this is" }
        guard let file = form.files["file"], !file.data.isEmpty else {
            problems.file = "Choose a file to import"
            return try await page(context, summary: nil, again: false, problems: problems, status: .unprocessableContent)
        }
        guard let kind else { return try await page(context, summary: nil, again: false, problems: problems, status: .unprocessableContent) }
        guard let format = kind == .ctf ? .ctf : ImportFormat(fileName: file.fileName), format != .ctf || kind == .ctf else {
            problems.file = "\(file.fileName): a spreadsheet must be a .csv or .xlsx file; a CTF must be .xml"
            return try await page(context, summary: nil, again: false, problems: problems, status: .unprocessableContent)
        }
        let reading: ImportReading
        do {
            reading = try ImportReader.read(file.data, format: format, kind: kind)
        } catch {
            problems.file = "\(file.fileName): \(error). Nothing was imported."
            return try await page(context, summary: nil, again: false, problems: problems, status: .unprocessableContent)
        }
        guard reading.isClean else {
            let count = reading.problems.count
            problems.file = "\(file.fileName) has \(count == 1 ? "a problem" : "\(count) problems"), so nothing was imported. Correct \(count == 1 ? "it" : "them") and import the file again."
            problems.rows = reading.problems.prefix(200).map(\.description)
            return try await page(context, summary: nil, again: false, problems: problems, status: .unprocessableContent)
        }
        // The same upload sent twice (a double click, Back then Import) runs once and is shown the first batch.
        let shown = try await services.app.repeats.once(form.fields["once"], for: context.grant, at: services.now(), fallback: Paths.imports(batch: nil)) {
            let (summary, batch) = try await services.app.imports.run(reading, fileName: file.fileName, data: file.data, for: context.grant, at: services.now())
            context.logger.info("import", metadata: ["rows": "\(summary.rowsRead)", "updated": "\(summary.updated)", "excepted": "\(summary.excepted)"])
            return Paths.imports(batch: batch, again: summary.wasAlreadyImported)
        }
        return .redirect(to: shown, type: .normal)
    }

    /// The largest file a data manager may upload.
    static let maxUpload = 25_000_000

    private func page(
        _ context: StaffContext, summary batch: Int64?, again: Bool, problems: ImportsPage.Problems, status: HTTPResponse.Status
    ) async throws -> Response {
        let history = try await services.app.imports.history(for: context.grant)
        return try templates.render(
            ImportsPage(frame: StaffFrame(user: context.user, csrf: context.csrf), recent: history.recent, outcomes: history.outcomes,
                        highlighted: batch, again: again, problems: problems),
            status: status)
    }
}
